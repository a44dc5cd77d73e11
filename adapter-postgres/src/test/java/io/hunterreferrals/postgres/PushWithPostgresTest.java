package io.hunterreferrals.postgres;

import static io.hunterreferrals.core.testing.TestReferrals.BASE_TIME;
import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static io.hunterreferrals.postgres.jooq.Tables.DYNAMICS_PUSH_RUNS;
import static io.hunterreferrals.postgres.jooq.Tables.DYNAMICS_PUSH_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.push.PushListener;
import io.hunterreferrals.core.push.PushOutcome;
import io.hunterreferrals.core.push.PushReferrals;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.referral.CustomerContact;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryLeadDestination;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Core's push use case on the PostgreSQL store and run log, after a real sync into the same database: what
 * PushReferralsTest shows with the in-memory ports holds on the rows the sync writes.
 */
@ExtendWith(PostgresExtension.class)
class PushWithPostgresTest {

    private static final SyncRequest FULL_SYNC = SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL);
    private static final PushRequest PUSH = PushRequest.of(PushTrigger.AFTER_SYNC);

    private final DataSource ds;
    private final InMemoryReferralSource partnerCenter = new InMemoryReferralSource(4);
    private final InMemoryLeadDestination destination = new InMemoryLeadDestination(3);
    // one per process, as the apps wire it; kept reachable while a run holds its lock session
    private final JooqPushRunLog runLog;

    PushWithPostgresTest(DataSource ds) {
        this.ds = ds;
        this.runLog = new JooqPushRunLog(ds, "test-host/1");
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void theFirstPushCreatesTheSecondSendsNothingAndAReSyncedChangeIsPushedAgain() {
        IntStream.rangeClosed(1, 7)
                .forEach(i -> partnerCenter.put(referral("r-" + i).build()));
        sync();

        PushReport first = push();

        assertThat(first.status()).isEqualTo(PushRunStatus.SUCCESS);
        assertThat(first.created()).isEqualTo(7);
        assertThat(destination.batches()).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(destination.leads().get("r-1")).satisfies(lead -> {
            assertThat(lead.description()).isEqualTo("Wants a pilot in Q3 (r-1)");
            assertThat(lead.contactFirstName()).isEqualTo("Ana");
            assertThat(lead.contactPhone()).isEqualTo("+90 212 555 0000");
            assertThat(lead.website()).isEqualTo("https://contoso.com.tr");
        });
        assertThat(Seed.dsl(ds).fetchCount(DYNAMICS_PUSH_STATE, DYNAMICS_PUSH_STATE.STATUS.eq("pushed")))
                .isEqualTo(7);

        PushReport second = push();

        assertThat(second.created() + second.updated()).isZero();
        assertThat(second.skippedCount()).isZero(); // nothing was even due
        assertThat(destination.draftsReceived()).isEqualTo(7);

        sync(); // the same referrals again: only synced_at moves
        PushReport afterUnchangedSync = push();
        assertThat(afterUnchangedSync.created() + afterUnchangedSync.updated()).isZero();

        partnerCenter.put(referral("r-2")
                .status("Closed")
                .substatus("Won")
                .updatedAt(BASE_TIME.plusSeconds(60))
                .build());
        sync();
        PushReport afterChange = push();

        assertThat(afterChange.updated()).isEqualTo(1);
        assertThat(afterChange.created()).isZero();
        assertThat(destination.batches().getLast())
                .extracting(d -> d.referralId().value())
                .containsExactly("r-2");
        assertThat(destination.leads().get("r-2").status()).isEqualTo("Closed");
        assertThat(destination.draftsReceived()).isEqualTo(8);
        assertThat(Seed.dsl(ds)
                        .select(DYNAMICS_PUSH_RUNS.STATUS)
                        .from(DYNAMICS_PUSH_RUNS)
                        .fetch(DYNAMICS_PUSH_RUNS.STATUS))
                .hasSize(4)
                .containsOnly("success");
    }

    @Test
    void aRefusedLeadIsRecordedOnItsReferralAndTheRunIsPartial() {
        partnerCenter.put(referral("r-1").build(), referral("r-2").build());
        sync();
        destination.refuse("r-1");

        PushReport report = push();

        assertThat(report.status()).isEqualTo(PushRunStatus.PARTIAL);
        assertThat(report.failed()).containsExactly(Map.entry("refused_by_test", 1));
        assertThat(Seed.dsl(ds)
                        .selectFrom(DYNAMICS_PUSH_STATE)
                        .where(DYNAMICS_PUSH_STATE.REFERRAL_ID.eq("r-1"))
                        .fetchSingle())
                .satisfies(state -> {
                    assertThat(state.getStatus()).isEqualTo("failed");
                    assertThat(state.getAttempts()).isEqualTo(1);
                    assertThat(state.getLastError()).isEqualTo("The test refused it (request id req-r-1)");
                });
        assertThat(Seed.dsl(ds).selectFrom(DYNAMICS_PUSH_RUNS).fetchSingle()).satisfies(run -> {
            assertThat(run.getStatus()).isEqualTo("partial");
            assertThat(run.getTrigger()).isEqualTo("after_sync");
            assertThat(run.getFailedReasons().data()).isEqualTo("{\"refused_by_test\": 1}");
        });

        destination.accept("r-1");
        assertThat(push().created()).isEqualTo(1);
    }

    private static Referral.Builder referral(String id) {
        return aReferral(id)
                .notes("Wants a pilot in Q3 (" + id + ")")
                .raw("{\"id\":\"" + id + "\",\"details\":{\"notes\":\"Wants a pilot in Q3 (" + id + ")\"}}")
                .customer(new CustomerProfile(
                        "Contoso Ltd",
                        "TR",
                        "51to250employees",
                        List.of("ana@contoso.com.tr"),
                        List.of(),
                        List.of(new CustomerContact("Ana", "Example", "ana@contoso.com.tr", "+90 212 555 0000"))));
    }

    private void sync() {
        SyncOutcome outcome = Referrals.sync(
                        partnerCenter,
                        new JooqReferralStore(ds),
                        new JooqCompanyDirectory(ds),
                        new JooqSyncRunLog(ds, "test-host/1"))
                .sync(FULL_SYNC);
        assertThat(outcome).isInstanceOf(SyncOutcome.Ran.class);
    }

    private PushReport push() {
        PushOutcome outcome = new PushReferrals(
                        destination,
                        new JooqPushStateStore(ds),
                        runLog,
                        PushFilter.ALL,
                        2,
                        new PushListener() {},
                        () -> false,
                        Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC))
                .push(PUSH);
        assertThat(outcome).isInstanceOf(PushOutcome.Finished.class);
        return ((PushOutcome.Finished) outcome).report();
    }
}
