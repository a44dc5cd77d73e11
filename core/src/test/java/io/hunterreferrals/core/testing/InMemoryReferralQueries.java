package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.Company;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.InboxSort;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.ReferralCount;
import io.hunterreferrals.core.query.ReferralDetail;
import io.hunterreferrals.core.query.ReferralQueries;
import io.hunterreferrals.core.query.ReferralSummary;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link ReferralQueries} over the in-memory store, agreeing with PostgreSQL's (ReferralQueriesContract): filters,
 * search over the text PostgreSQL's {@code search_text} holds, normalised as there ({@link SearchText}), every
 * {@link InboxSort} with its nulls last and the referral id as tie-break, and paging with an exact total.
 */
public final class InMemoryReferralQueries implements ReferralQueries {

    private final InMemoryReferralStore store;
    private final InMemoryCompanyDirectory companies;

    public InMemoryReferralQueries(InMemoryReferralStore store, InMemoryCompanyDirectory companies) {
        this.store = store;
        this.companies = companies;
    }

    @Override
    public Page<ReferralSummary> inbox(InboxQuery query) {
        List<ReferralSummary> matching = store.rows().stream()
                .map(this::summary)
                .filter(s -> query.linkStatus().map(l -> l == s.linkStatus()).orElse(true))
                .filter(s ->
                        query.referralType().map(t -> t == s.referralType()).orElse(true))
                .filter(s -> query.status()
                        .map(st -> st.equalsIgnoreCase(s.status()))
                        .orElse(true))
                .filter(s -> query.search().map(q -> matches(s, q)).orElse(true))
                .sorted(order(query.sort()))
                .toList();
        int from = (int) Math.min(query.page().offset(), matching.size());
        int to = Math.min(from + query.page().pageSize(), matching.size());
        return new Page<>(matching.subList(from, to), matching.size(), query.page());
    }

    @Override
    public Optional<ReferralDetail> find(ReferralId id, boolean includeRaw) {
        return store.row(id).map(row -> {
            Referral r = row.record().referral();
            return new ReferralDetail(
                    summary(row),
                    r.engagementId() == null ? null : r.engagementId().value(),
                    r.type().raw(),
                    r.qualification().raw(),
                    r.statusReason(),
                    r.invitedByOrganizationId(),
                    r.referralSource(),
                    r.callToAction(),
                    row.record().classification().subCategory().orElse(null),
                    r.customer().size(),
                    r.expiresAt(),
                    r.eTag(),
                    r.externalReferenceId(),
                    row.firstSeenAt(),
                    row.lastLinkChange(),
                    includeRaw ? Optional.of(r.raw()) : Optional.empty());
        });
    }

    @Override
    public List<ReferralCount> countsByTypeAndStatus() {
        Map<List<Object>, Long> counts = store.rows().stream()
                .collect(Collectors.groupingBy(
                        row -> Arrays.asList(
                                row.record().classification().category(),
                                row.record().referral().status().raw()),
                        LinkedHashMap::new,
                        Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> new ReferralCount(
                        (ReferralCategory) e.getKey().get(0),
                        (String) e.getKey().get(1),
                        e.getValue()))
                .toList();
    }

    private ReferralSummary summary(InMemoryReferralStore.Row row) {
        Referral r = row.record().referral();
        DomainExtraction extraction = row.record().domain();
        Optional<Domain> domain =
                extraction instanceof DomainExtraction.Found found ? Optional.of(found.domain()) : Optional.empty();
        Optional<ReferralSummary.LinkedCompany> linked = row.linkedCompany()
                .flatMap(id ->
                        companies.all().stream().filter(c -> c.id().equals(id)).findFirst())
                .map((Company c) -> new ReferralSummary.LinkedCompany(c.id(), c.domain(), c.name()));
        return new ReferralSummary(
                r.id(),
                r.name(),
                r.customer().name(),
                domain,
                extraction.rawHost(),
                Optional.ofNullable(extraction.source()),
                row.record().classification().category(),
                row.record().classification().ruleId(),
                r.status().raw(),
                r.substatus().raw(),
                r.direction().raw(),
                row.linkStatus(),
                linked,
                Optional.ofNullable(r.dealValue()),
                r.customer().country(),
                r.createdAt(),
                r.updatedAt(),
                row.syncedAt(),
                row.changedAt());
    }

    /** As InboxRows.orderBy: the sort's column, nulls last, then the referral id. */
    private static Comparator<ReferralSummary> order(InboxSort sort) {
        Comparator<ReferralSummary> first = switch (sort) {
            case SYNCED_DESC -> Comparator.comparing(ReferralSummary::syncedAt, desc());
            case CHANGED_DESC -> Comparator.comparing(ReferralSummary::changedAt, desc());
            case UPDATED_DESC -> Comparator.comparing(ReferralSummary::updatedAt, Comparator.nullsLast(desc()));
            case CREATED_DESC -> Comparator.comparing(ReferralSummary::createdAt, Comparator.nullsLast(desc()));
            case COMPANY_ASC ->
                Comparator.comparing(ReferralSummary::companyName, Comparator.nullsLast(Comparator.naturalOrder()));
            // the amount alone, whatever the currency, as in the deal_value column
            case DEAL_VALUE_DESC ->
                Comparator.comparing(
                        (ReferralSummary s) ->
                                s.dealValue().map(DealValue::amount).orElse(null),
                        Comparator.nullsLast(desc()));
        };
        return first.thenComparing(s -> s.id().value());
    }

    private static <T extends Comparable<? super T>> Comparator<T> desc() {
        return Comparator.reverseOrder();
    }

    /** search_text: company name, referral name, customer name (the same), domain, raw domain and referral id. */
    private static boolean matches(ReferralSummary s, String term) {
        return SearchText.matches(
                term,
                s.companyName(),
                s.name(),
                s.companyName(),
                s.domain().map(Domain::value).orElse(null),
                s.rawDomain(),
                s.id().value());
    }
}
