package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.Company;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.ReferralCount;
import io.hunterreferrals.core.query.ReferralDetail;
import io.hunterreferrals.core.query.ReferralQueries;
import io.hunterreferrals.core.query.ReferralSummary;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ReferralQueries} over the in-memory store: filters, search (case-insensitive) and paging; newest sync first. */
public final class InMemoryReferralQueries implements ReferralQueries {

    private final InMemoryReferralStore store;
    private final InMemoryCompanyDirectory companies;

    public InMemoryReferralQueries(InMemoryReferralStore store, InMemoryCompanyDirectory companies) {
        this.store = store;
        this.companies = companies;
    }

    @Override
    public Page<ReferralSummary> inbox(InboxQuery query) {
        List<ReferralSummary> matching = store.rows().stream().map(this::summary)
                .filter(s -> query.linkStatus().map(l -> l == s.linkStatus()).orElse(true))
                .filter(s -> query.referralType().map(t -> t == s.referralType()).orElse(true))
                .filter(s -> query.status().map(st -> st.equalsIgnoreCase(s.status())).orElse(true))
                .filter(s -> query.search().map(q -> matches(s, q)).orElse(true))
                .sorted(Comparator.comparing(ReferralSummary::syncedAt).reversed()
                        .thenComparing(s -> s.id().value()))
                .toList();
        int from = (int) Math.min(query.page().offset(), matching.size());
        int to = Math.min(from + query.page().pageSize(), matching.size());
        return new Page<>(matching.subList(from, to), matching.size(), query.page());
    }

    @Override
    public Optional<ReferralDetail> find(ReferralId id, boolean includeRaw) {
        return store.row(id).map(row -> {
            Referral r = row.record().referral();
            return new ReferralDetail(summary(row), r.engagementId() == null ? null : r.engagementId().value(),
                    r.type().raw(), r.qualification().raw(), r.statusReason(), r.invitedByOrganizationId(),
                    r.referralSource(), r.callToAction(), row.record().classification().subCategory().orElse(null),
                    r.customer().size(), r.expiresAt(), r.eTag(), r.externalReferenceId(), row.firstSeenAt(),
                    Optional.empty(), includeRaw ? Optional.of(r.raw()) : Optional.empty());
        });
    }

    @Override
    public List<ReferralCount> countsByTypeAndStatus() {
        Map<List<Object>, Long> counts = store.rows().stream().collect(Collectors.groupingBy(
                row -> Arrays.asList(row.record().classification().category(), row.record().referral().status().raw()),
                LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> new ReferralCount((ReferralCategory) e.getKey().get(0),
                (String) e.getKey().get(1), e.getValue())).toList();
    }

    private ReferralSummary summary(InMemoryReferralStore.Row row) {
        Referral r = row.record().referral();
        DomainExtraction extraction = row.record().domain();
        Optional<Domain> domain = extraction instanceof DomainExtraction.Found found ? Optional.of(found.domain()) : Optional.empty();
        Optional<ReferralSummary.LinkedCompany> linked = row.linkedCompany().flatMap(id -> companies.all().stream()
                .filter(c -> c.id().equals(id)).findFirst())
                .map((Company c) -> new ReferralSummary.LinkedCompany(c.id(), c.domain(), c.name()));
        return new ReferralSummary(r.id(), r.name(), r.customer().name(), domain, extraction.rawHost(),
                Optional.ofNullable(extraction.source()), row.record().classification().category(),
                row.record().classification().ruleId(), r.status().raw(), r.substatus().raw(), r.direction().raw(),
                row.linkStatus(), linked, Optional.ofNullable(r.dealValue()), r.customer().country(), r.createdAt(),
                r.updatedAt(), row.syncedAt(), row.changedAt());
    }

    private static boolean matches(ReferralSummary summary, String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        return List.of(String.valueOf(summary.companyName()), String.valueOf(summary.name()),
                        summary.domain().map(Domain::value).orElse(""), String.valueOf(summary.rawDomain()))
                .stream().anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(needle));
    }
}
