package io.hunterreferrals.core.query;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead (company) with what its linked referrals add up to.
 *
 * @param country {@code null} when unknown
 * @param referralTypes the distinct categories of its referrals, in enum order
 * @param primaryReferral its most recently changed referral (ties broken by referral id)
 * @param primaryReferralType that referral's category
 */
public record LeadSummary(
        CompanyId id,
        Domain domain,
        String name,
        String country,
        CompanySource source,
        Instant createdAt,
        int referralCount,
        List<ReferralCategory> referralTypes,
        Optional<ReferralId> primaryReferral,
        Optional<ReferralCategory> primaryReferralType,
        LeadLinkStatus linkStatus) {

    public LeadSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        referralTypes = List.copyOf(referralTypes);
        Objects.requireNonNull(primaryReferral, "primaryReferral");
        Objects.requireNonNull(primaryReferralType, "primaryReferralType");
        Objects.requireNonNull(linkStatus, "linkStatus");
    }
}
