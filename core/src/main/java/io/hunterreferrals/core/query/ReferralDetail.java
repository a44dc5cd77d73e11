package io.hunterreferrals.core.query;

import io.hunterreferrals.core.referral.RawPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything stored about one referral. Text fields are {@code null} when Partner Center gave no value.
 *
 * @param lastLinkChange when the link last changed and who changed it; empty when no one has since it was stored
 * @param raw the payload as received, when asked for; personal data: show it, never log it
 */
public record ReferralDetail(
        ReferralSummary summary,
        String engagementId,
        String type,
        String qualification,
        String statusReason,
        String invitedByOrganizationId,
        String referralSource,
        String callToAction,
        String classificationSubCategory,
        String customerSize,
        Instant expiresAt,
        String eTag,
        String externalReferenceId,
        Instant firstSeenAt,
        Optional<LinkChange> lastLinkChange,
        Optional<RawPayload> raw) {

    public ReferralDetail {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(lastLinkChange, "lastLinkChange");
        Objects.requireNonNull(raw, "raw");
    }
}
