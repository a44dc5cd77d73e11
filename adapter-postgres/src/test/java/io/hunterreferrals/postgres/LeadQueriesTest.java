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
import io.hunterreferrals.core.query.LeadLinkStatus;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.LeadSort;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class LeadQueriesTest {

    private final DataSource ds;
    private final JooqLeadQueries leads;
    private final JooqReferralStore store;
    private final JooqCompanyDirectory companies;
    private final InMemoryReferralSource source = new InMemoryReferralSource(100);

    LeadQueriesTest(DataSource ds) {
        this.ds = ds;
        this.leads = new JooqLeadQueries(ds);
        this.store = new JooqReferralStore(ds);
        this.companies = new JooqCompanyDirectory(ds);
    }

    @BeforeEach
    void setUp() {
        PostgresExtension.truncateAll(ds);
        source.put(coSell("l-1", "Şahin Bilişim", "sahinbilisim.com.tr").updatedAt(at(1)).build(),
                marketplace("l-2", "Şahin Bilişim", "sahinbilisim.com.tr").updatedAt(at(2)).build(),
                solutionProvider("l-3", "Contoso GmbH", "contoso.de").updatedAt(at(3)).build(),
                coSell("l-4", "Fabrikam Ltd", "fabrikam.co.uk").updatedAt(at(4)).build());
        sync();
        companies.findOrCreate(List.of(new CompanyCandidate(Domain.of("northwind.com.tr"), "Kuzey Rüzgarı Ticaret",
                "TR", "met at a fair", CompanySource.IMPORT)));
        // an operator moves Fabrikam's referral to Şahin, and confirms Contoso's by hand
        store.recordOperatorLink(ReferralId.of("l-4"), new OperatorLink.LinkTo(id("sahinbilisim.com.tr")));
        store.recordOperatorLink(ReferralId.of("l-3"), new OperatorLink.LinkTo(id("contoso.de")));
    }

    @Test
    void aggregatesEachLeadsLinkedReferrals() {
        Page<LeadSummary> page = leads.leads(LeadQuery.ALL);

        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).extracting(l -> l.domain().value())
                .containsExactly("contoso.de", "fabrikam.co.uk", "northwind.com.tr", "sahinbilisim.com.tr");
        LeadSummary contoso = page.items().get(0);
        assertThat(contoso.referralCount()).isEqualTo(1);
        assertThat(contoso.linkStatus()).isEqualTo(LeadLinkStatus.MANUAL_LINKED);
        assertThat(contoso.referralTypes()).containsExactly(ReferralCategory.SOLUTION_PROVIDER);
        LeadSummary fabrikam = page.items().get(1);
        assertThat(fabrikam.referralCount()).isZero();
        assertThat(fabrikam.linkStatus()).isEqualTo(LeadLinkStatus.NONE);
        assertThat(fabrikam.primaryReferral()).isEmpty();
        assertThat(fabrikam.primaryReferralType()).isEmpty();
        assertThat(fabrikam.referralTypes()).isEmpty();
        LeadSummary northwind = page.items().get(2);
        assertThat(northwind.name()).isEqualTo("Kuzey Rüzgarı Ticaret");
        assertThat(northwind.country()).isEqualTo("TR");
        assertThat(northwind.source()).isEqualTo(CompanySource.IMPORT);
        LeadSummary sahin = page.items().get(3);
        assertThat(sahin.referralCount()).isEqualTo(3);
        assertThat(sahin.referralTypes()).containsExactly(ReferralCategory.CO_SELL, ReferralCategory.MARKETPLACE);
        assertThat(sahin.linkStatus()).isEqualTo(LeadLinkStatus.MIXED);
        // all three changed in the same sync page: the tie-break is the referral id
        assertThat(sahin.primaryReferral()).contains(ReferralId.of("l-1"));
        assertThat(sahin.primaryReferralType()).contains(ReferralCategory.CO_SELL);
        assertThat(sahin.createdAt()).isNotNull();
    }

    @Test
    void sortsByNameOrNewestFirstWithTheIdAsTieBreak() {
        assertThat(leads.leads(new LeadQuery(Optional.empty(), Optional.empty(), LeadSort.NAME_ASC, PageRequest.FIRST))
                .items()).extracting(LeadSummary::name)
                .containsExactly("Contoso GmbH", "Fabrikam Ltd", "Kuzey Rüzgarı Ticaret", "Şahin Bilişim");
        // the three from the sync share one created_at; the imported one came later
        assertThat(leads.leads(new LeadQuery(Optional.empty(), Optional.empty(), LeadSort.CREATED_DESC,
                PageRequest.FIRST)).items()).extracting(l -> l.domain().value()).first()
                .isEqualTo("northwind.com.tr");
    }

    @Test
    void thePrimaryReferralIsTheMostRecentlyChanged() {
        source.put(marketplace("l-2", "Şahin Bilişim", "sahinbilisim.com.tr").status("Active").substatus("Accepted")
                .updatedAt(at(20)).build());
        sync();

        LeadSummary sahin = leads.leads(search("sahin")).items().get(0);

        assertThat(sahin.primaryReferral()).contains(ReferralId.of("l-2"));
        assertThat(sahin.primaryReferralType()).contains(ReferralCategory.MARKETPLACE);
    }

    @Test
    void filtersByReferralTypeAndSearchesNameAndDomain() {
        assertThat(domains(leads.leads(new LeadQuery(Optional.of(ReferralCategory.CO_SELL), Optional.empty(),
                PageRequest.FIRST)))).containsExactly("sahinbilisim.com.tr");
        assertThat(domains(leads.leads(new LeadQuery(Optional.of(ReferralCategory.SOLUTION_PROVIDER),
                Optional.empty(), PageRequest.FIRST)))).containsExactly("contoso.de");
        assertThat(domains(leads.leads(new LeadQuery(Optional.of(ReferralCategory.UNKNOWN), Optional.empty(),
                PageRequest.FIRST)))).isEmpty();
        assertThat(domains(leads.leads(search("KUZEY RUZGARI")))).containsExactly("northwind.com.tr");
        assertThat(domains(leads.leads(search("şahin")))).containsExactly("sahinbilisim.com.tr");
        assertThat(domains(leads.leads(search(".co.uk")))).containsExactly("fabrikam.co.uk");
        Page<LeadSummary> second = leads.leads(new LeadQuery(Optional.empty(), Optional.empty(), new PageRequest(2, 3)));
        assertThat(domains(second)).containsExactly("sahinbilisim.com.tr");
        assertThat(second.total()).isEqualTo(4);
    }

    @Test
    void aDomainEmailOrUrlTermFindsTheLeadWithExactlyThatRegistrableDomain() {
        companies.findOrCreate(List.of(
                new CompanyCandidate(Domain.of("contoso.com.tr"), "Contoso Türkiye", "TR", null, CompanySource.IMPORT),
                new CompanyCandidate(Domain.of("mycontoso.com.tr"), "My Contoso", "TR", null, CompanySource.IMPORT)));

        assertThat(domains(leads.leads(search("contoso.com.tr")))).containsExactly("contoso.com.tr");
        assertThat(domains(leads.leads(search(" Contoso.COM.tr ")))).containsExactly("contoso.com.tr");
        assertThat(domains(leads.leads(search("ali.veli@contoso.com.tr")))).containsExactly("contoso.com.tr");
        assertThat(domains(leads.leads(search("https://www.Contoso.com.tr/x")))).containsExactly("contoso.com.tr");
        assertThat(domains(leads.leads(search("http://shop.sahinbilisim.com.tr:8080/a?b=c"))))
                .containsExactly("sahinbilisim.com.tr");
        assertThat(domains(leads.leads(search("unknown-company.com.tr")))).isEmpty();

        // the capped total counts by the same rule (page 2 of size 1 is empty, so the count runs)
        Page<LeadSummary> counted = new JooqLeadQueries(ds, 10).leads(new LeadQuery(Optional.empty(),
                Optional.of("mailto:info@contoso.com.tr"), new PageRequest(2, 1)));
        assertThat(counted.items()).isEmpty();
        assertThat(counted.total()).isEqualTo(1);
        assertThat(counted.totalExact()).isTrue();
        // and so does the export
        List<String> streamed = new ArrayList<>();
        leads.forEachLead(search("www.contoso.com.tr"), lead -> streamed.add(lead.domain().value()));
        assertThat(streamed).containsExactly("contoso.com.tr");
    }

    @Test
    void aTermThatIsNotADomainStillMatchesNamesAndDomainsBySubstring() {
        companies.findOrCreate(List.of(
                new CompanyCandidate(Domain.of("contoso.com.tr"), "Contoso Türkiye", "TR", null, CompanySource.IMPORT),
                new CompanyCandidate(Domain.of("mycontoso.com.tr"), "My Contoso", "TR", null, CompanySource.IMPORT)));

        assertThat(domains(leads.leads(search("contoso"))))
                .containsExactly("contoso.com.tr", "contoso.de", "mycontoso.com.tr");
        assertThat(domains(leads.leads(search("CONTOSO TURKIYE")))).containsExactly("contoso.com.tr");
        assertThat(domains(leads.leads(search("Şahin Bilişim A.Ş.")))).isEmpty();
        assertThat(domains(leads.leads(search("ŞAHİN BİLİŞİM")))).containsExactly("sahinbilisim.com.tr");
        assertThat(domains(leads.leads(search("com.tr"))))
                .containsExactly("contoso.com.tr", "mycontoso.com.tr", "northwind.com.tr", "sahinbilisim.com.tr");
        Page<LeadSummary> counted = new JooqLeadQueries(ds, 10).leads(new LeadQuery(Optional.empty(),
                Optional.of("contoso"), new PageRequest(4, 1)));
        assertThat(counted.total()).isEqualTo(3);
        assertThat(counted.totalExact()).isTrue();
    }

    @Test
    void theTotalIsExactUpToTheCapAndALowerBoundBeyondIt() {
        Page<LeadSummary> capped = new JooqLeadQueries(ds, 2).leads(
                new LeadQuery(Optional.empty(), Optional.empty(), new PageRequest(1, 1)));
        assertThat(capped.total()).isEqualTo(2);
        assertThat(capped.totalExact()).isFalse();

        Page<LeadSummary> exact = new JooqLeadQueries(ds, 4).leads(
                new LeadQuery(Optional.empty(), Optional.empty(), new PageRequest(1, 1)));
        assertThat(exact.total()).isEqualTo(4);
        assertThat(exact.totalExact()).isTrue();

        // by type, counted from the referrals: Şahin's two co-sell referrals are one lead
        Page<LeadSummary> coSell = new JooqLeadQueries(ds, 1).leads(
                new LeadQuery(Optional.of(ReferralCategory.CO_SELL), Optional.empty(), new PageRequest(1, 1)));
        assertThat(domains(coSell)).containsExactly("sahinbilisim.com.tr");
        assertThat(coSell.total()).isEqualTo(1);
        assertThat(coSell.totalExact()).isTrue();
        Page<LeadSummary> anyType = new JooqLeadQueries(ds, 1).leads(new LeadQuery(
                Optional.of(ReferralCategory.SOLUTION_PROVIDER), Optional.empty(), new PageRequest(2, 1)));
        assertThat(anyType.items()).isEmpty();
        assertThat(anyType.total()).isEqualTo(1);
        assertThat(anyType.totalExact()).isTrue();

        // by type and search: counted over the companies
        Page<LeadSummary> searched = new JooqLeadQueries(ds, 1).leads(new LeadQuery(
                Optional.of(ReferralCategory.MARKETPLACE), Optional.of("sahin"), new PageRequest(1, 1)));
        assertThat(searched.total()).isEqualTo(1);
        assertThat(searched.totalExact()).isTrue();
    }

    @Test
    void streamsEveryMatchingLeadInDomainOrder() {
        List<String> streamed = new ArrayList<>();
        leads.forEachLead(new LeadQuery(Optional.empty(), Optional.empty(), new PageRequest(1, 1)),
                lead -> streamed.add(lead.domain().value() + "=" + lead.referralCount()));

        assertThat(streamed).containsExactly("contoso.de=1", "fabrikam.co.uk=0", "northwind.com.tr=0",
                "sahinbilisim.com.tr=3");
    }

    private void sync() {
        Referrals.sync(source, store, companies, new JooqSyncRunLog(ds, "t/1"))
                .sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL));
    }

    private CompanyId id(String domain) {
        return companies.findByDomain(Domain.of(domain)).orElseThrow().id();
    }

    private static LeadQuery search(String text) {
        return new LeadQuery(Optional.empty(), Optional.of(text), PageRequest.FIRST);
    }

    private static List<String> domains(Page<LeadSummary> page) {
        return page.items().stream().map(l -> l.domain().value()).toList();
    }
}
