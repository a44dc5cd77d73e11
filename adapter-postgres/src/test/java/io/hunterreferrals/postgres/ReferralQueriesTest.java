package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.Referrals.at;
import static io.hunterreferrals.postgres.Referrals.coSell;
import static io.hunterreferrals.postgres.Referrals.marketplace;
import static io.hunterreferrals.postgres.Referrals.solutionProvider;
import static io.hunterreferrals.postgres.Referrals.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.InboxSort;
import io.hunterreferrals.core.query.LinkChange;
import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.ReferralCount;
import io.hunterreferrals.core.query.ReferralSummary;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncReport;
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

/**
 * What only PostgreSQL's inbox does: the capped total, the run named in a link a sync made, the counts' order. Filters,
 * search, sorts, paging and the detail are the port's, in ReferralQueriesContract
 * (PostgresReferralQueriesContractTest).
 */
@ExtendWith(PostgresExtension.class)
class ReferralQueriesTest {

    private final DataSource ds;
    private final JooqReferralQueries queries;
    private SyncReport sync;

    ReferralQueriesTest(DataSource ds) {
        this.ds = ds;
        this.queries = new JooqReferralQueries(ds);
    }

    @BeforeEach
    void syncSomeReferrals() {
        PostgresExtension.truncateAll(ds);
        InMemoryReferralSource source = new InMemoryReferralSource(100)
                .put(
                        coSell("q-1", "ŞAHİN Bilişim A.Ş.", "sahinbilisim.com.tr")
                                .name("İstanbul ofisi yenileme")
                                .dealValue(new DealValue(new BigDecimal("500"), "TRY"))
                                .createdAt(at(-10))
                                .updatedAt(at(1))
                                .build(),
                        coSell("q-2", "Işık Gıda", "isikgida.com.tr")
                                .status("Active")
                                .substatus("Accepted")
                                .dealValue(null)
                                .createdAt(at(-5))
                                .updatedAt(at(2))
                                .build(),
                        marketplace("q-3", "Contoso GmbH", "contoso.de")
                                .name("50% discount_offer")
                                .dealValue(new DealValue(new BigDecimal("90000"), "EUR"))
                                .createdAt(at(-30))
                                .updatedAt(at(3))
                                .build(),
                        solutionProvider("q-4", "Çağrı Ltd", "cagri.com")
                                .createdAt(at(-1))
                                .updatedAt(at(4))
                                .build(),
                        unknown("q-5", "Ayşe Yılmaz", "gmail.com")
                                .updatedAt(at(5))
                                .build());
        sync = ((SyncOutcome.Ran) Referrals.sync(
                                source,
                                new JooqReferralStore(ds),
                                new JooqCompanyDirectory(ds),
                                new JooqSyncRunLog(ds, "t/1"))
                        .sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL)))
                .report();
        new JooqReferralStore(ds).recordOperatorLink(ReferralId.of("q-2"), new OperatorLink.Unlink());
    }

    @Test
    void theTotalIsExactUpToTheCapAndALowerBoundBeyondIt() {
        InboxQuery firstTwo = new InboxQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                InboxSort.SYNCED_DESC,
                new PageRequest(1, 2));

        Page<ReferralSummary> capped = new JooqReferralQueries(ds, 3).inbox(firstTwo);
        assertThat(capped.items()).hasSize(2);
        assertThat(capped.total()).isEqualTo(3);
        assertThat(capped.totalExact()).isFalse();

        Page<ReferralSummary> atTheCap = new JooqReferralQueries(ds, 5).inbox(firstTwo);
        assertThat(atTheCap.total()).isEqualTo(5);
        assertThat(atTheCap.totalExact()).isTrue();
        assertThat(queries.inbox(firstTwo).totalExact()).isTrue();

        // below the cap when filtered: two co-sell referrals, exact
        Page<ReferralSummary> coSell = new JooqReferralQueries(ds, 3)
                .inbox(new InboxQuery(
                        Optional.empty(),
                        Optional.of(ReferralCategory.CO_SELL),
                        Optional.empty(),
                        Optional.empty(),
                        InboxSort.SYNCED_DESC,
                        new PageRequest(1, 1)));
        assertThat(coSell.total()).isEqualTo(2);
        assertThat(coSell.totalExact()).isTrue();

        // a page beyond the cap counts to its own end: more than 4 match, so a next page exists
        Page<ReferralSummary> second = new JooqReferralQueries(ds, 3)
                .inbox(new InboxQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        InboxSort.SYNCED_DESC,
                        new PageRequest(2, 2)));
        assertThat(second.items()).hasSize(2);
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.totalExact()).isFalse();
    }

    @Test
    void aLinkMadeByARecordedSyncNamesItsRun() {
        assertThat(queries.find(ReferralId.of("q-1"), false).orElseThrow().lastLinkChange())
                .map(LinkChange::by)
                .contains("sync:" + sync.runId());
    }

    @Test
    void countsTheReferralsInTypeThenStatusOrder() {
        // The port leaves the order open; PostgreSQL's is the dashboard's: by type (unclassified last), then status.
        List<ReferralCount> counts = queries.countsByTypeAndStatus();

        assertThat(counts).extracting(ReferralCount::count).containsOnly(1L);
        assertThat(counts)
                .extracting(c -> c.referralType() + "/" + c.status())
                .containsExactly(
                        "CO_SELL/Active", "CO_SELL/New", "MARKETPLACE/New", "SOLUTION_PROVIDER/New", "UNKNOWN/New");
    }
}
