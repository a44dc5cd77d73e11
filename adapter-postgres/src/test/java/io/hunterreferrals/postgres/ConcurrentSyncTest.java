package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.Referrals.at;
import static io.hunterreferrals.postgres.Referrals.coSell;
import static io.hunterreferrals.postgres.jooq.Tables.COMPANIES;
import static io.hunterreferrals.postgres.jooq.Tables.PARTNER_CENTER_REFERRALS;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two syncs of the same referrals at once, sharing the PostgreSQL store and directory. The run log forbids two runs, so
 * each sync has its own in-memory log: what is tested is the store and the directory under a race.
 */
@ExtendWith(PostgresExtension.class)
class ConcurrentSyncTest {

    private static final int REFERRALS = 300;
    private static final int DOMAINS = 40;

    private final DataSource ds;
    private final DSLContext dsl;

    ConcurrentSyncTest(DataSource ds) {
        this.ds = ds;
        this.dsl = Seed.dsl(ds);
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @RepeatedTest(3)
    void twoSyncsOfTheSameReferralsStoreEachOnceAndCreateOneCompanyPerDomain() throws Exception {
        List<Referral> referrals = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            referrals.add(coSell("c-" + i, "Firma " + (i % DOMAINS), "firma" + (i % DOMAINS) + ".com.tr")
                    .updatedAt(at(i))
                    .build());
        }
        JooqReferralStore store = new JooqReferralStore(ds);
        JooqCompanyDirectory companies = new JooqCompanyDirectory(ds);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<SyncOutcome>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                // page sizes differ, so the two syncs overlap in different ways within each page
                InMemoryReferralSource source = new InMemoryReferralSource(t == 0 ? 50 : 37);
                source.put(referrals.toArray(Referral[]::new));
                runs.add(pool.submit(() -> {
                    start.await();
                    return Referrals.sync(source, store, companies, new InMemorySyncRunLog())
                            .sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL));
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<SyncOutcome> run : runs) {
                SyncReport report = ((SyncOutcome.Ran) run.get(60, TimeUnit.SECONDS)).report();
                assertThat(report.status()).isEqualTo(SyncStatus.SUCCEEDED);
                assertThat(report.failedCount()).isZero();
                created += report.created();
            }
            assertThat(created)
                    .as("each referral created by exactly one of the syncs")
                    .isEqualTo(REFERRALS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(dsl.fetchCount(PARTNER_CENTER_REFERRALS)).isEqualTo(REFERRALS);
        assertThat(dsl.fetchCount(COMPANIES)).isEqualTo(DOMAINS);
        assertThat(dsl.fetchCount(
                        PARTNER_CENTER_REFERRALS,
                        PARTNER_CENTER_REFERRALS
                                .LINK_STATUS
                                .eq("auto_linked")
                                .and(PARTNER_CENTER_REFERRALS.DOMAIN.eq(DSL.field(DSL.select(COMPANIES.DOMAIN)
                                        .from(COMPANIES)
                                        .where(COMPANIES.ID.eq(PARTNER_CENTER_REFERRALS.LINKED_COMPANY_ID)))))))
                .isEqualTo(REFERRALS);
    }
}
