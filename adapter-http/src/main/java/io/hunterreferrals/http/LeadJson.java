package io.hunterreferrals.http;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A lead (company) with its referral aggregates. {@code referral_type} is the type of its primary (most recently
 * changed) referral; {@code referral_types} lists every type among its referrals.
 */
record LeadJson(
        long leadId,
        String domain,
        String name,
        String country,
        String source,
        Instant createdAt,
        String referralType,
        List<String> referralTypes,
        int referralCount,
        String primaryReferralId,
        String linkStatus) {

    static LeadJson of(LeadSummary lead) {
        return new LeadJson(
                lead.id().value(),
                lead.domain().value(),
                lead.name(),
                lead.country(),
                lead.source().code(),
                lead.createdAt(),
                lead.primaryReferralType().flatMap(ReferralCategory::code).orElse(null),
                codes(lead.referralTypes()),
                lead.referralCount(),
                lead.primaryReferral().map(ReferralId::value).orElse(null),
                lead.linkStatus().code());
    }

    static List<String> codes(List<ReferralCategory> categories) {
        return categories.stream()
                .map(ReferralCategory::code)
                .flatMap(Optional::stream)
                .toList();
    }
}
