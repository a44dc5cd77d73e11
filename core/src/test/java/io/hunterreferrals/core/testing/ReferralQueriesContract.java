package io.hunterreferrals.core.testing;

import static io.hunterreferrals.core.testing.QuerySeed.marketplace;
import static io.hunterreferrals.core.testing.QuerySeed.referral;
import static io.hunterreferrals.core.testing.QuerySeed.solutionProvider;
import static io.hunterreferrals.core.testing.QuerySeed.unknown;
import static io.hunterreferrals.core.testing.TestReferrals.BASE_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.CompanyDirectory;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainSource;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.InboxSort;
import io.hunterreferrals.core.query.LinkChange;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.ReferralCount;
import io.hunterreferrals.core.query.ReferralDetail;
import io.hunterreferrals.core.query.ReferralQueries;
import io.hunterreferrals.core.query.ReferralSummary;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.RawPayload;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ReferralStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReferralQueries} must do; run against the in-memory fake and PostgreSQL, so the HTTP tests that use
 * the fake see the inbox as it really is.
 *
 * <p>Search is PostgreSQL's {@code f_search_norm = lower(unaccent(x))}: accents are stripped before case is folded, so
 * dotted İ and dotless ı both become {@code i} and "ISIK", "isik", "IŞIK" and "ışık" all find "Işık Gıda"; no Turkish
 * case mapping takes place. Company names here are chosen so their order is the same in every collation.
 */
public abstract class ReferralQueriesContract {

    private static final Instant T1 = Instant.parse("2025-06-01T08:00:00Z");
    private static final Instant T2 = T1.plusSeconds(3600);
    private static final Instant T3 = T2.plusSeconds(3600);

    protected ReferralQueries queries;
    private ReferralStore store;

    /** A fresh, empty directory, then a store linking to it, then queries over both (called in this order). */
    protected abstract CompanyDirectory createCompanyDirectory();

    protected abstract ReferralStore createStore();

    protected abstract ReferralQueries createQueries();

    private static Instant at(int minutes) {
        return BASE_TIME.plusSeconds(60L * minutes);
    }

    /**
     * Six referrals over three pages: r-1 is fetched again unchanged at T3 and r-2 changed at T3, so the fetch, change,
     * update and creation orders all differ; ties and missing values are there on purpose.
     */
    @BeforeEach
    void seedTheInbox() {
        CompanyDirectory companies = createCompanyDirectory();
        store = createStore();
        queries = createQueries();
        QuerySeed seed = new QuerySeed(store, companies);
        seed.write(
                T1,
                referral("r-1", "İstanbul ofisi yenileme", "Şahin Bilişim A.Ş.", "sahinbilisim.com.tr")
                        .status("Active")
                        .substatus("Accepted")
                        .dealValue(new DealValue(new BigDecimal("500"), "TRY"))
                        .createdAt(at(-10))
                        .updatedAt(at(1))
                        .build(),
                referral("r-2", "Depo otomasyonu", "Işık Gıda", "isikgida.com.tr")
                        .dealValue(null)
                        .createdAt(at(-5))
                        .updatedAt(at(2))
                        .build(),
                marketplace(referral("r-3", "50% discount_offer", "Contoso GmbH", "contoso.de"))
                        .dealValue(new DealValue(new BigDecimal("90000"), "EUR"))
                        .createdAt(at(-30))
                        .updatedAt(at(3))
                        .expiresAt(at(600))
                        .statusReason("Waiting for the customer")
                        .externalReferenceId("crm-3")
                        .build());
        seed.write(
                T2,
                solutionProvider(referral("r-4", "Çağrı merkezi kurulumu", "Contoso GmbH", "contoso.de"))
                        .createdAt(at(-1))
                        .updatedAt(at(4))
                        .build(),
                unknown(referral("r-5", "Kampanya formu", "Ayşe Yılmaz", "gmail.com"))
                        .createdAt(at(-5))
                        .updatedAt(at(4))
                        .build(),
                referral("r-6", "Straßenbau Müller", null, "fabrikam.de")
                        .status((String) null)
                        .substatus((String) null)
                        .dealValue(null)
                        .createdAt(null)
                        .updatedAt(null)
                        .build());
        seed.write(
                T3,
                List.of("r-1"),
                referral("r-2", "Depo otomasyonu", "Işık Gıda", "isikgida.com.tr")
                        .status("Active")
                        .substatus("Accepted")
                        .dealValue(null)
                        .createdAt(at(-5))
                        .updatedAt(at(6))
                        .build());
        store.recordOperatorLink(ReferralId.of("r-2"), new OperatorLink.Unlink());
        store.recordOperatorLink(
                ReferralId.of("r-4"),
                new OperatorLink.LinkTo(
                        seed.company("northwind.com.tr", "Kuzey Rüzgarı Ticaret", "TR", CompanySource.MANUAL)));
    }

    @Test
    void filtersByLinkStatus() {
        assertThat(linked(LinkStatus.AUTO_LINKED)).containsExactlyInAnyOrder("r-1", "r-3", "r-6");
        assertThat(linked(LinkStatus.MANUAL_LINKED)).containsExactly("r-4");
        assertThat(linked(LinkStatus.MANUAL_UNLINKED)).containsExactly("r-2");
        assertThat(linked(LinkStatus.UNLINKED)).containsExactly("r-5");
    }

    @Test
    void filtersByReferralTypeWithUnknownSelectingTheUnclassified() {
        assertThat(typed(ReferralCategory.CO_SELL)).containsExactlyInAnyOrder("r-1", "r-2", "r-6");
        assertThat(typed(ReferralCategory.MARKETPLACE)).containsExactly("r-3");
        assertThat(typed(ReferralCategory.SOLUTION_PROVIDER)).containsExactly("r-4");
        assertThat(typed(ReferralCategory.UNKNOWN)).containsExactly("r-5");
    }

    @Test
    void filtersByStatusIgnoringCaseAndCombinesFilters() {
        assertThat(filtered(Optional.empty(), Optional.empty(), Optional.of("aCTIVE")))
                .containsExactlyInAnyOrder("r-1", "r-2");
        assertThat(filtered(Optional.empty(), Optional.empty(), Optional.of("new")))
                .containsExactlyInAnyOrder("r-3", "r-4", "r-5");
        assertThat(filtered(Optional.empty(), Optional.empty(), Optional.of("Closed")))
                .isEmpty();
        assertThat(filtered(
                        Optional.of(LinkStatus.AUTO_LINKED),
                        Optional.of(ReferralCategory.CO_SELL),
                        Optional.of("ACTIVE")))
                .containsExactly("r-1");
        assertThat(filtered(Optional.empty(), Optional.of(ReferralCategory.CO_SELL), Optional.of("New")))
                .isEmpty();
    }

    @Test
    void searchIgnoresCaseAndAccentsTurkishDottedAndDotlessIAlike() {
        assertThat(search("şahin bilişim")).containsExactly("r-1"); // the company name (the domain has no space)
        assertThat(search("SAHIN BILISIM")).containsExactly("r-1");
        assertThat(search("ŞAHİN BİLİŞİM")).containsExactly("r-1");
        assertThat(search("s\u0327ahin bilis\u0327im")).containsExactly("r-1"); // decomposed ş
        assertThat(search("isik gida")).containsExactly("r-2");
        assertThat(search("ISIK GIDA")).containsExactly("r-2");
        assertThat(search("ışık gıda")).containsExactly("r-2");
        assertThat(search("IŞIK GIDA")).containsExactly("r-2");
        assertThat(search("strassenbau muller")).containsExactly("r-6"); // ß is ss, ü is u (not ue)
        assertThat(search("mueller")).isEmpty();
    }

    @Test
    void searchCoversCompanyNameReferralNameDomainRawDomainAndReferralId() {
        assertThat(search("contoso")).containsExactlyInAnyOrder("r-3", "r-4"); // company name
        assertThat(search("İSTANBUL OFİSİ")).containsExactly("r-1"); // referral name
        assertThat(search("cagri merkezi")).containsExactly("r-4");
        assertThat(search("isikgida.com")).containsExactly("r-2"); // domain
        assertThat(search("gmail.com")).containsExactly("r-5"); // raw domain of a referral without a domain
        assertThat(search("R-3")).containsExactly("r-3"); // referral id
    }

    @Test
    void searchCoversNothingElse() {
        assertThat(search("kuzey")).isEmpty(); // the linked company's name
        assertThat(search("salesqualified")).isEmpty(); // qualification
        assertThat(search("accepted")).isEmpty(); // substatus
        assertThat(search("eng-r")).isEmpty(); // engagement id
        assertThat(search("appsource")).isEmpty(); // referral source
        assertThat(search("waiting for")).isEmpty(); // status reason
        assertThat(search("nothing like this")).isEmpty();
    }

    @Test
    void searchTakesWildcardsLiterally() {
        assertThat(search("50%")).containsExactly("r-3");
        assertThat(search("%")).containsExactly("r-3");
        assertThat(search("50_")).isEmpty();
        assertThat(search("discount_offer")).containsExactly("r-3");
        assertThat(search("_")).containsExactly("r-3");
    }

    @Test
    void everySortBreaksTiesByReferralIdAndPutsMissingValuesLast() {
        assertThat(sorted(InboxSort.SYNCED_DESC)).containsExactly("r-1", "r-2", "r-4", "r-5", "r-6", "r-3");
        assertThat(sorted(InboxSort.CHANGED_DESC)).containsExactly("r-2", "r-4", "r-5", "r-6", "r-1", "r-3");
        assertThat(sorted(InboxSort.UPDATED_DESC)).containsExactly("r-2", "r-4", "r-5", "r-3", "r-1", "r-6");
        assertThat(sorted(InboxSort.CREATED_DESC)).containsExactly("r-4", "r-2", "r-5", "r-1", "r-3", "r-6");
        assertThat(sorted(InboxSort.COMPANY_ASC)).containsExactly("r-5", "r-3", "r-4", "r-2", "r-1", "r-6");
        // by amount, whatever the currency: 90000 EUR, 30000.00 EUR twice, 500 TRY, then no value
        assertThat(sorted(InboxSort.DEAL_VALUE_DESC)).containsExactly("r-3", "r-4", "r-5", "r-1", "r-2", "r-6");
        assertThat(ids(queries.inbox(InboxQuery.ALL))).isEqualTo(sorted(InboxSort.CHANGED_DESC));
    }

    @Test
    void pagesWithTheTotalOfAllMatches() {
        Page<ReferralSummary> second = byUpdate(Optional.empty(), Optional.empty(), new PageRequest(2, 2));
        assertThat(ids(second)).containsExactly("r-5", "r-3");
        assertThat(second.total()).isEqualTo(6);
        assertThat(second.totalExact()).isTrue();
        assertThat(second.totalPages()).isEqualTo(3);
        Page<ReferralSummary> beyond = byUpdate(Optional.empty(), Optional.empty(), new PageRequest(9, 2));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(6);
        Page<ReferralSummary> coSell =
                byUpdate(Optional.of(ReferralCategory.CO_SELL), Optional.empty(), new PageRequest(1, 2));
        assertThat(ids(coSell)).containsExactly("r-2", "r-1");
        assertThat(coSell.total()).isEqualTo(3);
        Page<ReferralSummary> searched = byUpdate(Optional.empty(), Optional.of("contoso"), new PageRequest(2, 1));
        assertThat(ids(searched)).containsExactly("r-3");
        assertThat(searched.total()).isEqualTo(2);
    }

    @Test
    void summarisesEachReferralWithItsLinkedCompany() {
        ReferralSummary r3 = find("r-3").summary();
        assertThat(r3.name()).isEqualTo("50% discount_offer");
        assertThat(r3.companyName()).isEqualTo("Contoso GmbH");
        assertThat(r3.domain()).contains(new Domain("contoso.de"));
        assertThat(r3.rawDomain()).isEqualTo("contoso.de");
        assertThat(r3.domainSource()).contains(DomainSource.CUSTOMER_TEAM_EMAIL);
        assertThat(r3.referralType()).isEqualTo(ReferralCategory.MARKETPLACE);
        assertThat(r3.classificationRule()).isEqualTo("pc-v1/4");
        assertThat(r3.status()).isEqualTo("New");
        assertThat(r3.linkStatus()).isEqualTo(LinkStatus.AUTO_LINKED);
        assertThat(r3.linkedCompany())
                .map(c -> c.domain().value() + " " + c.name())
                .contains("contoso.de Contoso GmbH");
        assertThat(r3.dealValue()).contains(new DealValue(new BigDecimal("90000"), "EUR"));
        assertThat(r3.customerCountry()).isEqualTo("TR");
        assertThat(r3.createdAt()).isEqualTo(at(-30));
        assertThat(r3.updatedAt()).isEqualTo(at(3));
        assertThat(r3.syncedAt()).isEqualTo(T1);
        assertThat(r3.changedAt()).isEqualTo(T1);
        assertThat(find("r-4").summary().linkedCompany())
                .map(c -> c.domain().value() + " " + c.name())
                .contains("northwind.com.tr Kuzey Rüzgarı Ticaret");
        ReferralSummary r5 = find("r-5").summary();
        assertThat(r5.domain()).isEmpty();
        assertThat(r5.rawDomain()).isEqualTo("gmail.com");
        assertThat(r5.linkedCompany()).isEmpty();
        assertThat(r5.referralType()).isEqualTo(ReferralCategory.UNKNOWN);
        assertThat(find("r-6").summary().companyName()).isNull();
    }

    @Test
    void findsTheDetailWithOrWithoutTheRawPayload() {
        ReferralDetail r3 = queries.find(ReferralId.of("r-3"), true).orElseThrow();
        assertThat(r3.engagementId()).isEqualTo("eng-r-3");
        assertThat(r3.type()).isEqualTo("Independent");
        assertThat(r3.qualification()).isEqualTo("Direct");
        assertThat(r3.statusReason()).isEqualTo("Waiting for the customer");
        assertThat(r3.invitedByOrganizationId()).isEqualTo("msft");
        assertThat(r3.referralSource()).isEqualTo("AppSource");
        assertThat(r3.callToAction()).isEqualTo("ContactMe");
        assertThat(r3.classificationSubCategory()).isNull();
        assertThat(r3.customerSize()).isEqualTo("51to250employees");
        assertThat(r3.expiresAt()).isEqualTo(at(600));
        assertThat(r3.eTag()).isEqualTo("\"etag-r-3\"");
        assertThat(r3.externalReferenceId()).isEqualTo("crm-3");
        assertThat(r3.firstSeenAt()).isEqualTo(T1);
        assertThat(r3.raw()).contains(new RawPayload("{\"id\": \"r-3\"}"));

        assertThat(find("r-3").raw()).isEmpty();
        assertThat(find("r-4").classificationSubCategory()).isEqualTo("qualified-lead");
        ReferralDetail changed = find("r-2");
        assertThat(changed.firstSeenAt()).isEqualTo(T1); // kept when its content changed at T3
        assertThat(changed.summary().changedAt()).isEqualTo(T3);
        assertThat(queries.find(ReferralId.of("missing"), true)).isEmpty();
    }

    @Test
    void theDetailTellsWhoChangedTheLinkLast() {
        assertThat(find("r-3").lastLinkChange()).hasValueSatisfying(change -> {
            assertThat(change.by()).startsWith("sync"); // sync:<run id> when the run log knows the run
            assertThat(change.at()).isEqualTo(T1);
        });
        assertThat(find("r-4").lastLinkChange()).map(LinkChange::by).contains("operator");
        assertThat(find("r-2").lastLinkChange()).map(LinkChange::by).contains("operator"); // an unlink is a change
        assertThat(find("r-5").lastLinkChange()).isEmpty(); // never linked
    }

    @Test
    void countsTheReferralsByTypeAndStatus() {
        assertThat(queries.countsByTypeAndStatus())
                .containsExactlyInAnyOrder(
                        new ReferralCount(ReferralCategory.CO_SELL, "Active", 2),
                        new ReferralCount(ReferralCategory.CO_SELL, null, 1),
                        new ReferralCount(ReferralCategory.MARKETPLACE, "New", 1),
                        new ReferralCount(ReferralCategory.SOLUTION_PROVIDER, "New", 1),
                        new ReferralCount(ReferralCategory.UNKNOWN, "New", 1));
    }

    private ReferralDetail find(String id) {
        return queries.find(ReferralId.of(id), false).orElseThrow();
    }

    private List<String> filtered(Optional<LinkStatus> link, Optional<ReferralCategory> type, Optional<String> status) {
        return ids(queries.inbox(
                new InboxQuery(link, type, status, Optional.empty(), InboxSort.DEFAULT, PageRequest.FIRST)));
    }

    private List<String> linked(LinkStatus link) {
        return filtered(Optional.of(link), Optional.empty(), Optional.empty());
    }

    private List<String> typed(ReferralCategory type) {
        return filtered(Optional.empty(), Optional.of(type), Optional.empty());
    }

    private List<String> sorted(InboxSort sort) {
        return ids(queries.inbox(new InboxQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), sort, PageRequest.FIRST)));
    }

    private List<String> search(String text) {
        return ids(queries.inbox(new InboxQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(text),
                InboxSort.DEFAULT,
                PageRequest.FIRST)));
    }

    private Page<ReferralSummary> byUpdate(Optional<ReferralCategory> type, Optional<String> search, PageRequest page) {
        return queries.inbox(
                new InboxQuery(Optional.empty(), type, Optional.empty(), search, InboxSort.UPDATED_DESC, page));
    }

    private static List<String> ids(Page<ReferralSummary> page) {
        return page.items().stream().map(s -> s.id().value()).toList();
    }
}
