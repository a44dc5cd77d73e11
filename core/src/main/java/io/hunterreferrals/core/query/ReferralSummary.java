package io.hunterreferrals.core.query;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainSource;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of the referral inbox. Text fields are {@code null} when Partner Center gave no value.
 *
 * @param companyName the customer's organisation name
 * @param rawDomain the host the domain came from, or the first host tried when none was usable
 * @param linkedCompany the company the referral is linked to, with its domain
 */
public record ReferralSummary(
        ReferralId id,
        String name,
        String companyName,
        Optional<Domain> domain,
        String rawDomain,
        Optional<DomainSource> domainSource,
        ReferralCategory referralType,
        String classificationRule,
        String status,
        String substatus,
        String direction,
        LinkStatus linkStatus,
        Optional<LinkedCompany> linkedCompany,
        Optional<DealValue> dealValue,
        String customerCountry,
        Instant createdAt,
        Instant updatedAt,
        Instant syncedAt,
        Instant changedAt) {

    public ReferralSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(domainSource, "domainSource");
        Objects.requireNonNull(referralType, "referralType");
        Objects.requireNonNull(linkStatus, "linkStatus");
        Objects.requireNonNull(linkedCompany, "linkedCompany");
        Objects.requireNonNull(dealValue, "dealValue");
        Objects.requireNonNull(syncedAt, "syncedAt");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The company a referral is linked to. */
    public record LinkedCompany(CompanyId id, Domain domain, String name) {
        public LinkedCompany {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(name, "name");
        }
    }
}
