package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.referral.RawPayload;
import io.hunterreferrals.core.referral.ReferralId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A referral a run could not store because of its content (no id, a date that does not parse, a rule that threw). It
 * goes to the quarantine with the page that met it, so the watermark can move past it: reading it again would not help,
 * and when Partner Center changes it, its {@code updatedDateTime} moves and an incremental run meets it again.
 *
 * @param referralId its id, when one could be read
 * @param reason the failure's stable code, e.g. {@code missing_id}
 * @param page the page of the run that met it (1 = first)
 * @param position its place on that page (1 = first)
 * @param updatedDateTime its {@code updatedDateTime} exactly as sent, when it had one
 * @param payload the referral exactly as sent; personal data, never logged
 */
public record FailedReferral(
        Optional<String> referralId,
        String reason,
        int page,
        int position,
        Optional<String> updatedDateTime,
        RawPayload payload) {

    private static final int MAX_KEY_ID = 255;

    public FailedReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(updatedDateTime, "updatedDateTime");
        Objects.requireNonNull(payload, "payload");
        if (page < 1 || position < 1) {
            throw new IllegalArgumentException("pages and positions count from 1");
        }
    }

    /**
     * What identifies this referral across runs, so meeting it again counts as "seen again": its id when it has one
     * (short enough to be one), otherwise the SHA-256 of its payload.
     */
    public String key() {
        return referralId
                .filter(id -> !id.isBlank() && id.length() <= MAX_KEY_ID)
                .map(FailedReferral::idKey)
                .orElseGet(() -> "sha256:" + sha256(payload.json()));
    }

    /** The key a stored referral's quarantine entry would have: storing it ends that entry. */
    public static String keyOf(ReferralId id) {
        return idKey(id.value());
    }

    private static String idKey(String id) {
        return "id:" + id;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK provides SHA-256", e);
        }
    }
}
