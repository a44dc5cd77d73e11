package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.classification.Classification;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.referral.Referral;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fingerprint of everything a sync writes for one referral: the payload and the values derived from it. Equal
 * fingerprints mean a re-fetched referral needs no write beyond its {@code synced_at}; a new classification rule or
 * domain rule changes the fingerprint, so stored rows are re-derived.
 */
public record ContentHash(String hex) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ContentHash {
        Objects.requireNonNull(hex, "hex");
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("A content hash is 64 lower-case hex digits");
        }
    }

    public static ContentHash of(Referral referral, Classification classification, DomainExtraction domain) {
        MessageDigest digest = sha256();
        // The typed fields are hashed as well as the payload so that referrals built without a payload
        // (imports, tests) still change their fingerprint when a field changes.
        for (Object part : new Object[] {
            referral.raw().json(),
            referral.id(),
            referral.engagementId(),
            referral.name(),
            referral.type().raw(),
            referral.qualification().raw(),
            referral.direction().raw(),
            referral.status().raw(),
            referral.substatus().raw(),
            referral.statusReason(),
            referral.customer().fingerprintText(),
            referral.dealValue(),
            referral.createdAt(),
            referral.updatedAt(),
            referral.expiresAt(),
            referral.invitedByOrganizationId(),
            referral.referralSource(),
            referral.callToAction(),
            referral.eTag(),
            referral.externalReferenceId(),
            referral.legacy(),
            classification.ruleId(),
            classification.category(),
            classification.subCategory(),
            domain
        }) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return new ContentHash(HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK provides SHA-256", e);
        }
    }
}
