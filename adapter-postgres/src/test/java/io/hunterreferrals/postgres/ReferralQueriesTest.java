package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.Referrals.at;
import static io.hunterreferrals.postgres.Referrals.coSell;
import static io.hunterreferrals.postgres.Referrals.marketplace;
import static io.hunterreferrals.postgres.Referrals.solutionProvider;
import static io.hunterreferrals.postgres.Referrals.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainSource;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.InboxSort;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.ReferralCount;
import io.hunterreferrals.core.query.ReferralDetail;
import io.hunterreferrals.core.query.ReferralSummary;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ReferralQueriesTest {

    private final DataSource ds;
    private final JooqReferralQueries queries;

    ReferralQueriesTest(DataSource ds) {
        this.ds = ds;
        this.queries = new JooqReferralQueries(ds);
    }

    @BeforeEach
    void syncSomeReferrals() {
        PostgresExtension.truncateAll(ds);
        InMemoryReferralSource source = new InMemoryReferralSource(100).put(
                coSell("q-1", "ŞAHİN Bilişim A.Ş.", "sahinbilisim.com.tr").name("İstanbul ofisi yenileme")
                        .dealValue(new DealValue(new BigDecimal("500"), "TRY")).createdAt(at(-10)).updatedAt(at(1))
                        .build(),
                coSell("q-2", "Işık Gıda", "isikgida.com.tr").status("Active").substatus("Accepted")
                        .dealValue(null).createdAt(at(-5)).updatedAt(at(2)).build(),
                marketplace("q-3", "Contoso GmbH", "contoso.de").name("50% discount_offer")
                        .dealValue(new DealValue(new BigDecimal("90000"), "EUR")).createdAt(at(-30)).updatedAt(at(3))
                        .build(),
                solutionProvider("q-4", "Çağrı Ltd", "cagri.com").createdAt(at(-1)).updatedAt(at(4)).build(),
                unknown("q-5", "Ayşe Yılmaz", "gmail.com").updatedAt(at(5)).build());
        Referrals.sync(source, new JooqReferralStore(ds), new JooqCompanyDirectory(ds), new JooqSyncRunLog(ds, "t/1"))
                .sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL));
        new JooqReferralStore(ds).recordOperatorLink(ReferralId.of("q-2"), new OperatorLink.Unlink());
    }

    @Test
    void listsEverythingWithTheTotalAndTheLinkedCompany() {
        Page<ReferralSummary> page = queries.inbox(InboxQuery.ALL);

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(s -> s.id().value()).containsExactly("q-1", "q-2", "q-3", "q-4", "q-5");
        ReferralSummary first = page.items().get(0);
        assertThat(first.companyName()).isEqualTo("ŞAHİN Bilişim A.Ş.");
        assertThat(first.domain()).contains(new Domain("sahinbilisim.com.tr"));
        assertThat(first.domainSource()).contains(DomainSource.CUSTOMER_TEAM_EMAIL);
        assertThat(first.referralType()).isEqualTo(ReferralCategory.CO_SELL);
        assertThat(first.classificationRule()).isEqualTo("pc-v1/2");
        assertThat(first.linkStatus()).isEqualTo(LinkStatus.AUTO_LINKED);
        assertThat(first.linkedCompany()).map(ReferralSummary.LinkedCompany::domain)
                .contains(new Domain("sahinbilisim.com.tr"));
        assertThat(first.dealValue()).contains(new DealValue(new BigDecimal("500"), "TRY"));
        assertThat(first.updatedAt()).isEqualTo(at(1));
        ReferralSummary consumer = page.items().get(4);
        assertThat(consumer.domain()).isEmpty();
        assertThat(consumer.rawDomain()).isEqualTo("gmail.com");
        assertThat(consumer.referralType()).isEqualTo(ReferralCategory.UNKNOWN);
        assertThat(consumer.linkedCompany()).isEmpty();
    }

    @Test
    void filtersByLinkStatusTypeAndStatus() {
        assertThat(ids(query(Optional.of(LinkStatus.MANUAL_UNLINKED), Optional.empty(), Optional.empty(),
                Optional.empty()))).containsExactly("q-2");
        assertThat(ids(query(Optional.of(LinkStatus.UNLINKED), Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactly("q-5");
        assertThat(ids(query(Optional.empty(), Optional.of(ReferralCategory.CO_SELL), Optional.empty(),
                Optional.empty()))).containsExactly("q-1", "q-2");
        assertThat(ids(query(Optional.empty(), Optional.of(ReferralCategory.UNKNOWN), Optional.empty(),
                Optional.empty()))).containsExactly("q-5");
        assertThat(ids(query(Optional.empty(), Optional.empty(), Optional.of("aCTIVE"), Optional.empty())))
                .containsExactly("q-2");
        assertThat(ids(query(Optional.of(LinkStatus.AUTO_LINKED), Optional.of(ReferralCategory.CO_SELL),
                Optional.of("new"), Optional.empty()))).containsExactly("q-1");
    }

    @Test
    void searchIgnoresCaseAndTurkishAccentsAndTakesWildcardsLiterally() {
        assertThat(search("sahin")).containsExactly("q-1");
        assertThat(search("ŞAHİN")).containsExactly("q-1");
        assertThat(search("istanbul")).containsExactly("q-1"); // referral name
        assertThat(search("ISIK")).containsExactly("q-2");
        assertThat(search("ışık gıda")).containsExactly("q-2");
        assertThat(search("cagri.com")).containsExactly("q-4"); // domain
        assertThat(search("gmail")).containsExactly("q-5"); // raw domain
        assertThat(search("50%")).containsExactly("q-3");
        assertThat(search("50_")).isEmpty(); // "_" is not a wildcard
        assertThat(search("discount_offer")).containsExactly("q-3");
        assertThat(search("nothing like this")).isEmpty();
    }

    @Test
    void sortsWithAStableTieBreakAndPages() {
        assertThat(ids(sorted(InboxSort.DEAL_VALUE_DESC))).containsExactly("q-3", "q-4", "q-5", "q-1", "q-2");
        assertThat(ids(sorted(InboxSort.CREATED_DESC))).containsExactly("q-4", "q-2", "q-1", "q-3", "q-5");
        assertThat(ids(sorted(InboxSort.UPDATED_DESC))).containsExactly("q-5", "q-4", "q-3", "q-2", "q-1");
        assertThat(ids(sorted(InboxSort.COMPANY_ASC)).get(0)).isEqualTo("q-5"); // "Ayşe ..." first
        assertThat(ids(sorted(InboxSort.CHANGED_DESC))).containsExactly("q-1", "q-2", "q-3", "q-4", "q-5");

        InboxQuery second = new InboxQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                InboxSort.UPDATED_DESC, new PageRequest(2, 2));
        Page<ReferralSummary> page = queries.inbox(second);
        assertThat(ids(page)).containsExactly("q-3", "q-2");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.totalPages()).isEqualTo(3);
        Page<ReferralSummary> beyond = queries.inbox(new InboxQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), InboxSort.UPDATED_DESC, new PageRequest(9, 2)));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void theTotalIsExactUpToTheCapAndALowerBoundBeyondIt() {
        InboxQuery firstTwo = new InboxQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                InboxSort.SYNCED_DESC, new PageRequest(1, 2));

        Page<ReferralSummary> capped = new JooqReferralQueries(ds, 3).inbox(firstTwo);
        assertThat(capped.items()).hasSize(2);
        assertThat(capped.total()).isEqualTo(3);
        assertThat(capped.totalExact()).isFalse();

        Page<ReferralSummary> atTheCap = new JooqReferralQueries(ds, 5).inbox(firstTwo);
        assertThat(atTheCap.total()).isEqualTo(5);
        assertThat(atTheCap.totalExact()).isTrue();
        assertThat(queries.inbox(firstTwo).totalExact()).isTrue();

        // below the cap when filtered: two co-sell referrals, exact
        Page<ReferralSummary> coSell = new JooqReferralQueries(ds, 3).inbox(new InboxQuery(Optional.empty(),
                Optional.of(ReferralCategory.CO_SELL), Optional.empty(), Optional.empty(), InboxSort.SYNCED_DESC,
                new PageRequest(1, 1)));
        assertThat(coSell.total()).isEqualTo(2);
        assertThat(coSell.totalExact()).isTrue();

        // a page beyond the cap counts to its own end: more than 4 match, so a next page exists
        Page<ReferralSummary> second = new JooqReferralQueries(ds, 3).inbox(new InboxQuery(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), InboxSort.SYNCED_DESC, new PageRequest(2, 2)));
        assertThat(second.items()).hasSize(2);
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.totalExact()).isFalse();
    }

    @Test
    void theDefaultOrderPutsTheLastChangedReferralFirstNotTheLastFetched() {
        Seed.dsl(ds).execute("UPDATE partner_center_referrals SET changed_at = now() + interval '1 hour' "
                + "WHERE referral_id = 'q-4'");
        Seed.dsl(ds).execute("UPDATE partner_center_referrals SET synced_at = now() + interval '2 hours' "
                + "WHERE referral_id = 'q-1'");

        assertThat(queries.inbox(InboxQuery.ALL).items().get(0).id().value()).isEqualTo("q-4");
        assertThat(sorted(InboxSort.SYNCED_DESC).items().get(0).id().value()).isEqualTo("q-1");
    }

    @Test
    void findsTheDetailWithOrWithoutTheRawPayload() {
        ReferralDetail detail = queries.find(ReferralId.of("q-3"), true).orElseThrow();
        assertThat(detail.summary().id().value()).isEqualTo("q-3");
        assertThat(detail.type()).isEqualTo("Independent");
        assertThat(detail.qualification()).isEqualTo("Direct");
        assertThat(detail.referralSource()).isEqualTo("AppSource");
        assertThat(detail.engagementId()).isEqualTo("eng-q-3");
        assertThat(detail.customerSize()).isEqualTo("51to250employees");
        assertThat(detail.eTag()).isEqualTo("\"etag-q-3\"");
        assertThat(detail.firstSeenAt()).isNotNull();
        assertThat(detail.raw()).hasValueSatisfying(raw -> assertThat(raw.json()).contains("q-3"));

        assertThat(queries.find(ReferralId.of("q-3"), false).orElseThrow().raw()).isEmpty();
        assertThat(queries.find(ReferralId.of("q-4"), false).orElseThrow().classificationSubCategory()).isNull();
        assertThat(queries.find(ReferralId.of("missing"), true)).isEmpty();
    }

    @Test
    void theDetailTellsWhoChangedTheLinkLast() {
        assertThat(queries.find(ReferralId.of("q-2"), false).orElseThrow().lastLinkChange())
                .hasValueSatisfying(change -> assertThat(change.by()).isEqualTo("operator"));
        assertThat(queries.find(ReferralId.of("q-1"), false).orElseThrow().lastLinkChange())
                .hasValueSatisfying(change -> assertThat(change.by()).startsWith("sync:"));
    }

    @Test
    void countsTheReferralsByTypeAndStatus() {
        List<ReferralCount> counts = queries.countsByTypeAndStatus();

        assertThat(counts).extracting(ReferralCount::count).containsOnly(1L);
        assertThat(counts).extracting(c -> c.referralType() + "/" + c.status()).containsExactly(
                "CO_SELL/Active", "CO_SELL/New", "MARKETPLACE/New", "SOLUTION_PROVIDER/New", "UNKNOWN/New");
    }

    private Page<ReferralSummary> query(Optional<LinkStatus> link, Optional<ReferralCategory> type,
            Optional<String> status, Optional<String> search) {
        return queries.inbox(new InboxQuery(link, type, status, search, InboxSort.SYNCED_DESC, PageRequest.FIRST));
    }

    private Page<ReferralSummary> sorted(InboxSort sort) {
        return queries.inbox(new InboxQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                sort, PageRequest.FIRST));
    }

    private List<String> search(String text) {
        return ids(query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(text)));
    }

    private static List<String> ids(Page<ReferralSummary> page) {
        return page.items().stream().map(s -> s.id().value()).toList();
    }
}
