package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.Referrals.at;
import static io.hunterreferrals.postgres.Referrals.coSell;
import static io.hunterreferrals.postgres.Referrals.marketplace;
import static io.hunterreferrals.postgres.Referrals.solutionProvider;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What only PostgreSQL's lead listing does: the capped total, counted from the referrals for a type and by the same
 * search rules as the page. Aggregates, filters, search, sorts, paging and the export order are the port's, in
 * LeadQueriesContract (PostgresLeadQueriesContractTest).
 */
@ExtendWith(PostgresExtension.class)
class LeadQueriesTest {

    private final DataSource ds;
    private final JooqReferralStore store;
    private final JooqCompanyDirectory companies;
    private final InMemoryReferralSource source = new InMemoryReferralSource(100);

    LeadQueriesTest(DataSource ds) {
        this.ds = ds;
        this.store = new JooqReferralStore(ds);
        this.companies = new JooqCompanyDirectory(ds);
    }

    @BeforeEach
    void setUp() {
        PostgresExtension.truncateAll(ds);
        source.put(
                coSell("l-1", "Şahin Bilişim", "sahinbilisim.com.tr")
                        .updatedAt(at(1))
                        .build(),
                marketplace("l-2", "Şahin Bilişim", "sahinbilisim.com.tr")
                        .updatedAt(at(2))
                        .build(),
                solutionProvider("l-3", "Contoso GmbH", "contoso.de")
                        .updatedAt(at(3))
                        .build(),
                coSell("l-4", "Fabrikam Ltd", "fabrikam.co.uk").updatedAt(at(4)).build());
        sync();
        companies.findOrCreate(List.of(new CompanyCandidate(
                Domain.of("northwind.com.tr"), "Kuzey Rüzgarı Ticaret", "TR", "met at a fair", CompanySource.IMPORT)));
        // an operator moves Fabrikam's referral to Şahin, and confirms Contoso's by hand
        store.recordOperatorLink(ReferralId.of("l-4"), new OperatorLink.LinkTo(id("sahinbilisim.com.tr")));
        store.recordOperatorLink(ReferralId.of("l-3"), new OperatorLink.LinkTo(id("contoso.de")));
    }

    @Test
    void theCappedCountFollowsTheSearchRules() {
        companies.findOrCreate(List.of(
                new CompanyCandidate(Domain.of("contoso.com.tr"), "Contoso Türkiye", "TR", null, CompanySource.IMPORT),
                new CompanyCandidate(Domain.of("mycontoso.com.tr"), "My Contoso", "TR", null, CompanySource.IMPORT)));

        // a domain term counts the one company with that domain (page 2 of size 1 is empty, so the count runs)
        Page<LeadSummary> domain = new JooqLeadQueries(ds, 10)
                .leads(new LeadQuery(
                        Optional.empty(), Optional.of("mailto:info@contoso.com.tr"), new PageRequest(2, 1)));
        assertThat(domain.items()).isEmpty();
        assertThat(domain.total()).isEqualTo(1);
        assertThat(domain.totalExact()).isTrue();
        // any other term counts the substring matches
        Page<LeadSummary> substring = new JooqLeadQueries(ds, 10)
                .leads(new LeadQuery(Optional.empty(), Optional.of("contoso"), new PageRequest(4, 1)));
        assertThat(substring.total()).isEqualTo(3);
        assertThat(substring.totalExact()).isTrue();
    }

    @Test
    void theTotalIsExactUpToTheCapAndALowerBoundBeyondIt() {
        Page<LeadSummary> capped = new JooqLeadQueries(ds, 2)
                .leads(new LeadQuery(Optional.empty(), Optional.empty(), new PageRequest(1, 1)));
        assertThat(capped.total()).isEqualTo(2);
        assertThat(capped.totalExact()).isFalse();

        Page<LeadSummary> exact = new JooqLeadQueries(ds, 4)
                .leads(new LeadQuery(Optional.empty(), Optional.empty(), new PageRequest(1, 1)));
        assertThat(exact.total()).isEqualTo(4);
        assertThat(exact.totalExact()).isTrue();

        // by type, counted from the referrals: Şahin's two co-sell referrals are one lead
        Page<LeadSummary> coSell = new JooqLeadQueries(ds, 1)
                .leads(new LeadQuery(Optional.of(ReferralCategory.CO_SELL), Optional.empty(), new PageRequest(1, 1)));
        assertThat(domains(coSell)).containsExactly("sahinbilisim.com.tr");
        assertThat(coSell.total()).isEqualTo(1);
        assertThat(coSell.totalExact()).isTrue();
        Page<LeadSummary> anyType = new JooqLeadQueries(ds, 1)
                .leads(new LeadQuery(
                        Optional.of(ReferralCategory.SOLUTION_PROVIDER), Optional.empty(), new PageRequest(2, 1)));
        assertThat(anyType.items()).isEmpty();
        assertThat(anyType.total()).isEqualTo(1);
        assertThat(anyType.totalExact()).isTrue();

        // by type and search: counted over the companies
        Page<LeadSummary> searched = new JooqLeadQueries(ds, 1)
                .leads(new LeadQuery(
                        Optional.of(ReferralCategory.MARKETPLACE), Optional.of("sahin"), new PageRequest(1, 1)));
        assertThat(searched.total()).isEqualTo(1);
        assertThat(searched.totalExact()).isTrue();
    }

    private void sync() {
        Referrals.sync(source, store, companies, new JooqSyncRunLog(ds, "t/1"))
                .sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL));
    }

    private CompanyId id(String domain) {
        return companies.findByDomain(Domain.of(domain)).orElseThrow().id();
    }

    private static List<String> domains(Page<LeadSummary> page) {
        return page.items().stream().map(l -> l.domain().value()).toList();
    }
}
