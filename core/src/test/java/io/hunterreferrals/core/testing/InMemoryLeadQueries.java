package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.Company;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.domainname.DomainParseResult;
import io.hunterreferrals.core.domainname.DomainParser;
import io.hunterreferrals.core.query.LeadLinkStatus;
import io.hunterreferrals.core.query.LeadQueries;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.LeadSort;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.query.Page;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@link LeadQueries} over the in-memory directory and store, agreeing with PostgreSQL's (LeadQueriesContract): a
 * lead's referrals are those linked to it; a search term that is a domain, e-mail address or URL finds exactly that
 * domain, any other is looked for in name and domain normalised as PostgreSQL does ({@link SearchText}); leads are
 * ordered as asked with the company id as tie-break, and exported in domain order.
 */
public final class InMemoryLeadQueries implements LeadQueries {

    private final InMemoryCompanyDirectory companies;
    private final InMemoryReferralStore store;

    public InMemoryLeadQueries(InMemoryCompanyDirectory companies, InMemoryReferralStore store) {
        this.companies = companies;
        this.store = store;
    }

    @Override
    public Page<LeadSummary> leads(LeadQuery query) {
        List<LeadSummary> matching = matching(query, query.sort()).toList();
        int from = (int) Math.min(query.page().offset(), matching.size());
        int to = Math.min(from + query.page().pageSize(), matching.size());
        return new Page<>(matching.subList(from, to), matching.size(), query.page());
    }

    @Override
    public void forEachLead(LeadQuery query, Consumer<LeadSummary> consumer) {
        // the port's export order, whatever the query's sort
        matching(query, LeadSort.DOMAIN_ASC).forEach(consumer);
    }

    private Stream<LeadSummary> matching(LeadQuery query, LeadSort sort) {
        List<InMemoryReferralStore.Row> rows = store.rows();
        return companies.all().stream()
                .sorted(order(sort))
                .map(c -> summary(
                        c,
                        rows.stream()
                                .filter(r ->
                                        r.linkedCompany().filter(c.id()::equals).isPresent())
                                .toList()))
                .filter(l -> query.referralType()
                        .map(t -> l.referralTypes().contains(t))
                        .orElse(true))
                .filter(l -> query.search().map(q -> matches(l, q)).orElse(true));
    }

    /** As LeadRows.orderBy. */
    private Comparator<Company> order(LeadSort sort) {
        return switch (sort) {
            case DOMAIN_ASC -> Comparator.comparing(c -> c.domain().value());
            case NAME_ASC -> Comparator.comparing(Company::name).thenComparing(c -> c.id().value());
            case CREATED_DESC ->
                Comparator.comparing((Company c) -> companies.createdAt(c.id()))
                        .thenComparing(c -> c.id().value())
                        .reversed();
        };
    }

    private LeadSummary summary(Company company, List<InMemoryReferralStore.Row> referrals) {
        List<ReferralCategory> types = referrals.stream()
                .map(r -> r.record().classification().category())
                .distinct()
                .sorted()
                .toList();
        Optional<InMemoryReferralStore.Row> primary = referrals.stream()
                .max(Comparator.comparing(InMemoryReferralStore.Row::changedAt)
                        .thenComparing(r -> r.record().referral().id().value(), Comparator.reverseOrder()));
        return new LeadSummary(
                company.id(),
                company.domain(),
                company.name(),
                company.country(),
                company.source(),
                companies.createdAt(company.id()),
                referrals.size(),
                types,
                primary.map(r -> r.record().referral().id()),
                primary.map(r -> r.record().classification().category()),
                linkStatus(referrals));
    }

    private static LeadLinkStatus linkStatus(List<InMemoryReferralStore.Row> referrals) {
        if (referrals.isEmpty()) {
            return LeadLinkStatus.NONE;
        }
        boolean auto = referrals.stream().anyMatch(r -> r.linkStatus() == LinkStatus.AUTO_LINKED);
        boolean manual = referrals.stream().anyMatch(r -> r.linkStatus() == LinkStatus.MANUAL_LINKED);
        return auto && manual
                ? LeadLinkStatus.MIXED
                : manual ? LeadLinkStatus.MANUAL_LINKED : LeadLinkStatus.AUTO_LINKED;
    }

    /** As LeadRows.search: a registrable domain exactly, anything else in search_text (name and domain). */
    private static boolean matches(LeadSummary lead, String term) {
        if (DomainParser.parse(term) instanceof DomainParseResult.Parsed parsed) {
            return lead.domain().equals(parsed.domain());
        }
        return SearchText.matches(term, lead.name(), lead.domain().value());
    }
}
