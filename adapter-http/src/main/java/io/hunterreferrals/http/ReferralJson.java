package io.hunterreferrals.http;

import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainSource;
import io.hunterreferrals.core.query.ReferralSummary;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A referral as the inbox lists it. {@code referral_type} is {@code null} for an unclassified referral (ask for those
 * with {@code ?referral_type=unclassified}); text fields are {@code null} when Partner Center gave none.
 */
record ReferralJson(
        String referralId,
        String name,
        String companyName,
        String domain,
        String rawDomain,
        String domainSource,
        String referralType,
        String classificationRule,
        String status,
        String substatus,
        String direction,
        String linkStatus,
        Long linkedLeadId,
        String linkedLeadDomain,
        String linkedLeadName,
        BigDecimal dealValue,
        String currency,
        String customerCountry,
        Instant createdAt,
        Instant updatedAt,
        Instant syncedAt,
        Instant changedAt) {

    static ReferralJson of(ReferralSummary s) {
        var linked = s.linkedCompany();
        return new ReferralJson(
                s.id().value(),
                s.name(),
                s.companyName(),
                s.domain().map(Domain::value).orElse(null),
                s.rawDomain(),
                s.domainSource().map(DomainSource::code).orElse(null),
                s.referralType().code().orElse(null),
                s.classificationRule(),
                s.status(),
                s.substatus(),
                s.direction(),
                s.linkStatus().code(),
                linked.map(c -> c.id().value()).orElse(null),
                linked.map(c -> c.domain().value()).orElse(null),
                linked.map(ReferralSummary.LinkedCompany::name).orElse(null),
                s.dealValue().map(d -> d.amount()).orElse(null),
                s.dealValue().map(d -> d.currency()).orElse(null),
                s.customerCountry(),
                s.createdAt(),
                s.updatedAt(),
                s.syncedAt(),
                s.changedAt());
    }
}
