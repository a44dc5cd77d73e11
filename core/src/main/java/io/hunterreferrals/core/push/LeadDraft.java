package io.hunterreferrals.core.push;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What one lead should hold, in the CRM's terms but not its wire format: the push sends it, and its {@link #hash()} is
 * what the push state remembers, so an unchanged referral is never sent again. Text is data: nothing here decides which
 * record or column is written (the key is {@link #referralId}, the columns are the adapter's). Holds personal data (the
 * contact, the notes): {@link #toString()} omits it.
 *
 * @param referralId the Partner Center referral id: the lead's alternate key
 * @param subject the lead's topic (the referral's name, or a fallback), never blank
 * @param companyName the customer's name, or {@code null}
 * @param website {@code https://<domain>}, or {@code null} when the referral has no domain
 * @param country the customer's ISO country code, or {@code null}
 * @param budget the deal value, or {@code null}
 * @param currency the deal value's ISO 4217 code, or {@code null}
 * @param description the referral's notes, or {@code null}
 * @param contactFirstName the first customer contact's first name, or {@code null}
 * @param contactLastName ... last name, or {@code null}
 * @param contactEmail ... e-mail, or {@code null}
 * @param contactPhone ... phone number, or {@code null}
 * @param referralType the referral's category ({@link ReferralCategory#UNKNOWN} when unclassified)
 * @param status Partner Center's status, e.g. {@code Active}, or {@code null}
 * @param substatus Partner Center's substatus, e.g. {@code Accepted}, or {@code null}
 * @param partnerCenterUrl the referral in Partner Center's web UI
 */
public record LeadDraft(
        ReferralId referralId,
        String subject,
        String companyName,
        String website,
        String country,
        BigDecimal budget,
        String currency,
        String description,
        String contactFirstName,
        String contactLastName,
        String contactEmail,
        String contactPhone,
        ReferralCategory referralType,
        String status,
        String substatus,
        String partnerCenterUrl) {

    public LeadDraft {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(referralType, "referralType");
        Objects.requireNonNull(partnerCenterUrl, "partnerCenterUrl");
    }

    /** A fingerprint of every value sent: equal hashes mean the lead in the CRM already holds all of it. */
    public ContentHash hash() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK provides SHA-256", e);
        }
        for (Object part : new Object[] {
            referralId.value(),
            subject,
            companyName,
            website,
            country,
            budget == null ? null : budget.stripTrailingZeros().toPlainString(),
            currency,
            description,
            contactFirstName,
            contactLastName,
            contactEmail,
            contactPhone,
            referralType.label(),
            status,
            substatus,
            partnerCenterUrl
        }) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return new ContentHash(HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public String toString() {
        return "LeadDraft[referralId=" + referralId.value() + ", referralType=" + referralType.label() + ", status="
                + status + "/" + substatus + ", personal data omitted]";
    }
}
