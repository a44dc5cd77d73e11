package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.DYNAMICS_PUSH_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.PushRunLog.PushClaim;
import io.hunterreferrals.core.sync.RunClaim;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.postgres.jooq.tables.records.DynamicsPushRunsRecord;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The push's run guard across processes: a run's lock session ending (what PostgreSQL sees of a SIGKILL) frees the next
 * start at once and gets the run recorded {@code abandoned}; instances exclude each other, even when they start
 * together; the lock is not any sync run's.
 */
@ExtendWith(PostgresExtension.class)
class PushRunGuardTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final PushRequest CLI = PushRequest.of(PushTrigger.CLI);

    private final DataSource ds;

    PushRunGuardTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void empty() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void aRunWhoseSessionEndedNoLongerBlocksAndIsRecordedAbandonedByTheNextStart() {
        JooqPushRunLog killed = new JooqPushRunLog(ds, "host/1");
        PushRunId dead = PushRunId.random();
        assertThat(killed.start(dead, CLI, NOW)).isEqualTo(new PushClaim.Started());
        // the process is killed: its lock session ends; the row still says running
        Jooq.using(ds)
                .fetch("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                        + "WHERE application_name = 'hunter-push-lock'");

        JooqPushRunLog next = new JooqPushRunLog(ds, "host/2");
        PushRunId live = PushRunId.random();
        assertThat(next.start(live, CLI, NOW.plusSeconds(60))).isEqualTo(new PushClaim.Started());

        assertThat(row(dead)).satisfies(run -> {
            assertThat(run.getStatus()).isEqualTo("failed");
            assertThat(run.getErrorCode()).isEqualTo(PushErrorCode.ABANDONED.code());
            assertThat(run.getErrorMessage()).contains("ended before it finished");
            assertThat(run.getFinishedAt().toInstant()).isEqualTo(NOW.plusSeconds(60));
            assertThat(run.getNode()).isEqualTo("host/1");
        });
        assertThat(row(live).getStatus()).isEqualTo("running");
        assertThat(new JooqPushRunLog(ds, "host/3").start(PushRunId.random(), CLI, NOW))
                .isEqualTo(new PushClaim.Busy(live));
        java.lang.ref.Reference.reachabilityFence(next);
    }

    @Test
    void aRunThatLostItsSessionStillRecordsItsReportAndFreesNobodyElsesLock() {
        JooqPushRunLog lost = new JooqPushRunLog(ds, "host/1");
        PushRunId first = PushRunId.random();
        lost.start(first, CLI, NOW);
        Jooq.using(ds)
                .fetch("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                        + "WHERE application_name = 'hunter-push-lock'");
        JooqPushRunLog other = new JooqPushRunLog(ds, "host/2");
        PushRunId second = PushRunId.random();
        other.start(second, CLI, NOW.plusSeconds(1));

        lost.finish(new PushReport(
                first,
                PushTrigger.CLI,
                false,
                PushRunStatus.SUCCESS,
                3,
                0,
                Map.of(),
                Map.of(),
                NOW,
                NOW.plusSeconds(2),
                Optional.empty()));

        assertThat(row(first).getStatus()).isEqualTo("success");
        assertThat(row(first).getErrorCode()).isNull();
        assertThat(new JooqPushRunLog(ds, "host/3").start(PushRunId.random(), CLI, NOW))
                .isEqualTo(new PushClaim.Busy(second));
        java.lang.ref.Reference.reachabilityFence(other);
    }

    @Test
    void aFinishedRunLeavesNoLockSession() throws Exception {
        JooqPushRunLog log = new JooqPushRunLog(ds, "host/1");
        PushRunId run = PushRunId.random();
        log.start(run, CLI, NOW);
        assertThat(lockSessions()).isEqualTo(1);

        log.finish(new PushReport(
                run,
                PushTrigger.CLI,
                false,
                PushRunStatus.SUCCESS,
                0,
                0,
                Map.of(),
                Map.of(),
                NOW,
                NOW,
                Optional.empty()));

        assertThat(lockSessionsOnceClosed()).isZero();
        assertThat(new JooqPushRunLog(ds, "host/2").start(PushRunId.random(), CLI, NOW))
                .isInstanceOf(PushClaim.Started.class);
    }

    @Test
    void instancesStartingTogetherLetExactlyOneRun() throws Exception {
        int instances = 6;
        List<JooqPushRunLog> logs = IntStream.range(0, instances)
                .mapToObj(i -> new JooqPushRunLog(ds, "host/" + i))
                .toList();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<PushClaim>> claims = logs.stream()
                    .map(log -> pool.submit(() -> {
                        go.await();
                        return log.start(PushRunId.random(), CLI, NOW);
                    }))
                    .toList();
            go.countDown();
            List<PushClaim> outcomes = new java.util.ArrayList<>();
            for (Future<PushClaim> claim : claims) {
                outcomes.add(claim.get());
            }

            assertThat(outcomes).filteredOn(PushClaim.Started.class::isInstance).hasSize(1);
            PushRunId running = Seed.dsl(ds)
                    .select(DYNAMICS_PUSH_RUNS.RUN_ID)
                    .from(DYNAMICS_PUSH_RUNS)
                    .where(DYNAMICS_PUSH_RUNS.STATUS.eq("running"))
                    .fetchSingle(r -> new PushRunId(r.value1()));
            assertThat(outcomes)
                    .filteredOn(PushClaim.Busy.class::isInstance)
                    .containsOnly(new PushClaim.Busy(running))
                    .hasSize(instances - 1);
        } finally {
            pool.shutdownNow();
        }
        java.lang.ref.Reference.reachabilityFence(logs);
    }

    @Test
    void aRunningSyncDoesNotHoldThePushBack() {
        JooqSyncRunLog sync = new JooqSyncRunLog(ds, "host/1");
        assertThat(sync.start(
                        SyncRunId.random(),
                        SyncRequest.of(SyncTrigger.CLI, SyncMode.INCREMENTAL),
                        NOW,
                        Optional.empty()))
                .isEqualTo(RunClaim.CLAIMED);

        assertThat(new JooqPushRunLog(ds, "host/1").start(PushRunId.random(), CLI, NOW))
                .isEqualTo(new PushClaim.Started());
        java.lang.ref.Reference.reachabilityFence(sync);
    }

    private DynamicsPushRunsRecord row(PushRunId run) {
        return Seed.dsl(ds)
                .selectFrom(DYNAMICS_PUSH_RUNS)
                .where(DYNAMICS_PUSH_RUNS.RUN_ID.eq(run.value()))
                .fetchSingle();
    }

    private int lockSessions() {
        return Jooq.using(ds)
                .fetchOne("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hunter-push-lock'")
                .get(0, Integer.class);
    }

    /** A closed connection's backend leaves pg_stat_activity a moment after the client closed it: up to 5 s. */
    private int lockSessionsOnceClosed() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        int sessions = lockSessions();
        while (sessions > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            sessions = lockSessions();
        }
        return sessions;
    }
}
