package io.hunterreferrals.core.testing;

import static io.hunterreferrals.core.testing.QuerySeed.marketplace;
import static io.hunterreferrals.core.testing.QuerySeed.referral;
import static io.hunterreferrals.core.testing.QuerySeed.solutionProvider;
import static io.hunterreferrals.core.testing.QuerySeed.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.query.LeadLinkStatus;
import io.hunterreferrals.core.query.LeadQueries;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.LeadSort;
import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LeadQueries} must do; run against the in-memory fake and PostgreSQL. Search normalises as
 * {@link ReferralQueriesContract} describes; names and domains here sort the same in every collation.
 */
public abstract class LeadQueriesContract {

    private static final Instant T1 = Instant.parse("2025-06-01T08:00:00Z");
    private static final List<String> ALL_DOMAINS = List.of(
            "contoso.com.tr",
            "contoso.de",
            "fabrikam.co.uk",
            "fabrikam.de",
            "mycontoso.com.tr",
            "northwind.com.tr",
            "sahinbilisim.com.tr");

    protected LeadQueries leads;
    private QuerySeed seed;

    /** A fresh, empty directory, then a store linking to it, then queries over both (called in this order). */
    protected abstract CompanyDirectory createCompanyDirectory();

    protected abstract ReferralStore createStore();

    protected abstract LeadQueries createQueries();

    /**
     * Companies in creation order: sahinbilisim.com.tr, contoso.de, fabrikam.co.uk, contoso.com.tr (from a sync), then
     * northwind.com.tr, mycontoso.com.tr and fabrikam.de (imported). An operator moves Fabrikam's referral to Şahin and
     * confirms Contoso's by hand.
     */
    @BeforeEach
    void seedTheLeads() {
        CompanyDirectory companies = createCompanyDirectory();
        ReferralStore store = createStore();
        leads = createQueries();
        seed = new QuerySeed(store, companies);
        seed.write(
                T1,
                referral("l-1", "Bulut geçişi", "Şahin Bilişim", "sahinbilisim.com.tr")
                        .build(),
                marketplace(referral("l-2", "Lisans", "Şahin Bilişim", "sahinbilisim.com.tr"))
                        .build(),
                solutionProvider(referral("l-3", "Kurulum", "Contoso GmbH", "contoso.de"))
                        .build(),
                referral("l-4", "Migration", "Fabrikam Ltd", "fabrikam.co.uk").build(),
                unknown(referral("l-5", "Form", "Contoso Türkiye", "contoso.com.tr"))
                        .build(),
                unknown(referral("l-6", "Form", "Ayşe Yılmaz", "gmail.com")).build());
        seed.company("northwind.com.tr", "Kuzey Rüzgarı Ticaret", "TR", CompanySource.IMPORT);
        seed.company("mycontoso.com.tr", "My Contoso", null, CompanySource.IMPORT);
        seed.company("fabrikam.de", "Fabrikam Ltd", null, CompanySource.IMPORT);
        store.recordOperatorLink(ReferralId.of("l-4"), new OperatorLink.LinkTo(seed.companyOf("sahinbilisim.com.tr")));
        store.recordOperatorLink(ReferralId.of("l-3"), new OperatorLink.LinkTo(seed.companyOf("contoso.de")));
    }

    @Test
    void aggregatesEachLeadsLinkedReferrals() {
        LeadSummary sahin = lead("sahinbilisim.com.tr");
        assertThat(sahin.name()).isEqualTo("Şahin Bilişim");
        assertThat(sahin.source()).isEqualTo(CompanySource.PARTNER_CENTER);
        assertThat(sahin.referralCount()).isEqualTo(3);
        assertThat(sahin.referralTypes()).containsExactly(ReferralCategory.CO_SELL, ReferralCategory.MARKETPLACE);
        assertThat(sahin.linkStatus()).isEqualTo(LeadLinkStatus.MIXED);
        // all three changed in the same page: the tie-break is the referral id
        assertThat(sahin.primaryReferral()).contains(ReferralId.of("l-1"));
        assertThat(sahin.primaryReferralType()).contains(ReferralCategory.CO_SELL);
        LeadSummary contoso = lead("contoso.de");
        assertThat(contoso.referralCount()).isEqualTo(1);
        assertThat(contoso.linkStatus()).isEqualTo(LeadLinkStatus.MANUAL_LINKED);
        assertThat(contoso.referralTypes()).containsExactly(ReferralCategory.SOLUTION_PROVIDER);
        LeadSummary turkiye = lead("contoso.com.tr");
        assertThat(turkiye.linkStatus()).isEqualTo(LeadLinkStatus.AUTO_LINKED);
        assertThat(turkiye.referralTypes()).containsExactly(ReferralCategory.UNKNOWN);
        assertThat(turkiye.primaryReferralType()).contains(ReferralCategory.UNKNOWN);
        LeadSummary fabrikam = lead("fabrikam.co.uk");
        assertThat(fabrikam.referralCount()).isZero();
        assertThat(fabrikam.linkStatus()).isEqualTo(LeadLinkStatus.NONE);
        assertThat(fabrikam.referralTypes()).isEmpty();
        assertThat(fabrikam.primaryReferral()).isEmpty();
        assertThat(fabrikam.primaryReferralType()).isEmpty();
        LeadSummary northwind = lead("northwind.com.tr");
        assertThat(northwind.name()).isEqualTo("Kuzey Rüzgarı Ticaret");
        assertThat(northwind.country()).isEqualTo("TR");
        assertThat(northwind.source()).isEqualTo(CompanySource.IMPORT);
        assertThat(lead("mycontoso.com.tr").country()).isNull();
    }

    @Test
    void thePrimaryReferralIsTheMostRecentlyChanged() {
        seed.write(
                T1.plusSeconds(60),
                marketplace(referral("l-2", "Lisans", "Şahin Bilişim", "sahinbilisim.com.tr"))
                        .status("Active")
                        .build());

        LeadSummary sahin = lead("sahinbilisim.com.tr");

        assertThat(sahin.primaryReferral()).contains(ReferralId.of("l-2"));
        assertThat(sahin.primaryReferralType()).contains(ReferralCategory.MARKETPLACE);
    }

    @Test
    void filtersByReferralTypeWhileTheAggregatesCoverAllOfALeadsReferrals() {
        Page<LeadSummary> marketplace = leads.leads(typed(ReferralCategory.MARKETPLACE));
        assertThat(domains(marketplace)).containsExactly("sahinbilisim.com.tr");
        assertThat(marketplace.items().get(0).referralCount()).isEqualTo(3);
        assertThat(marketplace.items().get(0).referralTypes())
                .containsExactly(ReferralCategory.CO_SELL, ReferralCategory.MARKETPLACE);
        assertThat(domains(leads.leads(typed(ReferralCategory.CO_SELL)))).containsExactly("sahinbilisim.com.tr");
        assertThat(domains(leads.leads(typed(ReferralCategory.SOLUTION_PROVIDER))))
                .containsExactly("contoso.de");
        // unclassified referrals of a lead; the unlinked one (a gmail.com contact) belongs to no lead
        assertThat(domains(leads.leads(typed(ReferralCategory.UNKNOWN)))).containsExactly("contoso.com.tr");
    }

    @Test
    void searchesNameAndDomainIgnoringCaseAndAccents() {
        assertThat(searched("sahin")).containsExactly("sahinbilisim.com.tr");
        assertThat(searched("ŞAHİN BİLİŞİM"))
                .containsExactly("sahinbilisim.com.tr"); // the name: no space in the domain
        assertThat(searched("Şahin Bilişim A.Ş.")).isEmpty();
        assertThat(searched("KUZEY RUZGARI")).containsExactly("northwind.com.tr");
        assertThat(searched("kuzey rüzgarı")).containsExactly("northwind.com.tr");
        assertThat(searched("CONTOSO TURKIYE")).containsExactly("contoso.com.tr");
        assertThat(searched("contoso")).containsExactly("contoso.com.tr", "contoso.de", "mycontoso.com.tr");
        assertThat(searched(".co.uk")).containsExactly("fabrikam.co.uk"); // a suffix is not a registrable domain
        assertThat(searched("com.tr"))
                .containsExactly("contoso.com.tr", "mycontoso.com.tr", "northwind.com.tr", "sahinbilisim.com.tr");
        assertThat(searched("gmail")).isEmpty(); // a referral's raw domain is not the lead's
        assertThat(searched("bulut")).isEmpty(); // nor a referral's name
    }

    @Test
    void aDomainEmailOrUrlTermFindsTheLeadWithExactlyThatRegistrableDomain() {
        assertThat(searched("contoso.com.tr")).containsExactly("contoso.com.tr"); // not mycontoso.com.tr
        assertThat(searched(" Contoso.COM.tr ")).containsExactly("contoso.com.tr");
        assertThat(searched("ali.veli@contoso.com.tr")).containsExactly("contoso.com.tr");
        assertThat(searched("https://www.Contoso.com.tr/x")).containsExactly("contoso.com.tr");
        assertThat(searched("http://shop.sahinbilisim.com.tr:8080/a?b=c")).containsExactly("sahinbilisim.com.tr");
        assertThat(searched("unknown-company.com.tr")).isEmpty();
    }

    @Test
    void combinesTheTypeFilterWithTheSearch() {
        assertThat(domains(leads.leads(new LeadQuery(
                        Optional.of(ReferralCategory.MARKETPLACE), Optional.of("sahin"), PageRequest.FIRST))))
                .containsExactly("sahinbilisim.com.tr");
        assertThat(domains(leads.leads(new LeadQuery(
                        Optional.of(ReferralCategory.CO_SELL), Optional.of("contoso"), PageRequest.FIRST))))
                .isEmpty();
    }

    @Test
    void everySortBreaksTiesByLeadId() {
        assertThat(domains(sorted(LeadSort.DOMAIN_ASC))).isEqualTo(ALL_DOMAINS);
        assertThat(domains(leads.leads(LeadQuery.ALL))).isEqualTo(ALL_DOMAINS);
        // the two "Fabrikam Ltd" in creation (id) order
        assertThat(domains(sorted(LeadSort.NAME_ASC)))
                .containsExactly(
                        "contoso.de",
                        "contoso.com.tr",
                        "fabrikam.co.uk",
                        "fabrikam.de",
                        "northwind.com.tr",
                        "mycontoso.com.tr",
                        "sahinbilisim.com.tr");
        Page<LeadSummary> newest = sorted(LeadSort.CREATED_DESC);
        assertThat(domains(newest))
                .containsExactly(
                        "fabrikam.de",
                        "mycontoso.com.tr",
                        "northwind.com.tr",
                        "contoso.com.tr",
                        "fabrikam.co.uk",
                        "contoso.de",
                        "sahinbilisim.com.tr");
        assertThat(newest.items()).extracting(LeadSummary::createdAt).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void pagesWithTheTotalOfAllMatches() {
        Page<LeadSummary> second =
                leads.leads(new LeadQuery(Optional.empty(), Optional.empty(), new PageRequest(2, 3)));
        assertThat(domains(second)).containsExactly("fabrikam.de", "mycontoso.com.tr", "northwind.com.tr");
        assertThat(second.total()).isEqualTo(7);
        assertThat(second.totalExact()).isTrue();
        assertThat(second.totalPages()).isEqualTo(3);
        Page<LeadSummary> beyond =
                leads.leads(new LeadQuery(Optional.empty(), Optional.empty(), new PageRequest(4, 3)));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
        Page<LeadSummary> coSell = leads.leads(
                new LeadQuery(Optional.of(ReferralCategory.CO_SELL), Optional.empty(), new PageRequest(1, 1)));
        assertThat(coSell.total()).isEqualTo(1); // Şahin's two co-sell referrals are one lead
        Page<LeadSummary> searched =
                leads.leads(new LeadQuery(Optional.empty(), Optional.of("contoso"), new PageRequest(2, 2)));
        assertThat(domains(searched)).containsExactly("mycontoso.com.tr");
        assertThat(searched.total()).isEqualTo(3);
    }

    @Test
    void streamsEveryMatchingLeadInDomainOrderWhateverThePageAndSort() {
        assertThat(streamed(
                        new LeadQuery(Optional.empty(), Optional.empty(), LeadSort.NAME_ASC, new PageRequest(2, 1))))
                .containsExactly(
                        "contoso.com.tr=1",
                        "contoso.de=1",
                        "fabrikam.co.uk=0",
                        "fabrikam.de=0",
                        "mycontoso.com.tr=0",
                        "northwind.com.tr=0",
                        "sahinbilisim.com.tr=3");
        assertThat(streamed(new LeadQuery(
                        Optional.empty(), Optional.of("contoso"), LeadSort.CREATED_DESC, new PageRequest(1, 1))))
                .containsExactly("contoso.com.tr=1", "contoso.de=1", "mycontoso.com.tr=0");
        assertThat(streamed(typed(ReferralCategory.UNKNOWN))).containsExactly("contoso.com.tr=1");
        assertThat(streamed(new LeadQuery(Optional.empty(), Optional.of("www.contoso.com.tr"), PageRequest.FIRST)))
                .containsExactly("contoso.com.tr=1");
    }

    private LeadSummary lead(String domain) {
        return leads.leads(LeadQuery.ALL).items().stream()
                .filter(l -> l.domain().value().equals(domain))
                .findFirst()
                .orElseThrow();
    }

    private Page<LeadSummary> sorted(LeadSort sort) {
        return leads.leads(new LeadQuery(Optional.empty(), Optional.empty(), sort, PageRequest.FIRST));
    }

    private List<String> searched(String text) {
        return domains(leads.leads(new LeadQuery(Optional.empty(), Optional.of(text), PageRequest.FIRST)));
    }

    private List<String> streamed(LeadQuery query) {
        List<String> streamed = new ArrayList<>();
        leads.forEachLead(query, lead -> streamed.add(lead.domain().value() + "=" + lead.referralCount()));
        return streamed;
    }

    private static LeadQuery typed(ReferralCategory type) {
        return new LeadQuery(Optional.of(type), Optional.empty(), PageRequest.FIRST);
    }

    private static List<String> domains(Page<LeadSummary> page) {
        return page.items().stream().map(l -> l.domain().value()).toList();
    }
}
