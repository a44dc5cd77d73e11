package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.sync.RunClaim;
import io.hunterreferrals.core.sync.SyncErrorCode;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.core.testing.InMemoryReferralSource;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run whose process died no longer blocks the next start, with no sweeper and no waiting; a live run still does. The
 * process's death is its lock session ending, which is what PostgreSQL sees of a SIGKILL.
 */
@ExtendWith(PostgresExtension.class)
class DeadRunTest {

    private static final SyncRequest CLI = SyncRequest.of(SyncTrigger.CLI, SyncMode.INCREMENTAL);

    private final DataSource ds;

    DeadRunTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void empty() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void aLiveRunBlocksTheNextStart() {
        SyncRunId live = SyncRunId.random();
        JooqSyncRunLog first = new JooqSyncRunLog(ds, "host/1");
        assertThat(first.start(live, CLI, Instant.now(), Optional.empty())).isEqualTo(RunClaim.CLAIMED);

        RunClaim second =
                new JooqSyncRunLog(ds, "host/2").start(SyncRunId.random(), CLI, Instant.now(), Optional.empty());

        assertThat(second).isEqualTo(new RunClaim.Busy(live));
        // the refused start's own lock session is closed; its backend may linger in pg_stat_activity a moment
        assertThat(lockSessionsOnceSettledAt(1)).isEqualTo(1);
        // pgjdbc closes connections that become unreachable: the live run's log must outlive the checks
        java.lang.ref.Reference.reachabilityFence(first);
    }

    @Test
    void aFinishedSyncLeavesNoLockSession() {
        Referrals.sync(
                        new InMemoryReferralSource(10),
                        new JooqReferralStore(ds),
                        new JooqCompanyDirectory(ds),
                        new JooqSyncRunLog(ds, "host/1"))
                .sync(CLI);
        assertThat(lockSessionsOnceClosed()).isZero();
    }

    @Test
    void aRunWhoseProcessDiedIsFailedAsAbandonedByTheNextStartAtOnce() {
        SyncRunId killed = SyncRunId.random();
        assertThat(new JooqSyncRunLog(ds, "host/1").start(killed, CLI, Instant.now(), Optional.empty()))
                .isEqualTo(RunClaim.CLAIMED);
        // the process is killed: its lock session ends; the row still says running
        Jooq.using(ds)
                .fetch("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = 'hunter-run-lock'");

        SyncRunId next = SyncRunId.random();
        RunClaim claim = new JooqSyncRunLog(ds, "host/2").start(next, CLI, Instant.now(), Optional.empty());

        assertThat(claim).isEqualTo(RunClaim.CLAIMED);
        assertThat(new JooqSyncRunQueries(ds).find(killed).orElseThrow()).satisfies(run -> {
            assertThat(run.status().code()).isEqualTo("failed");
            assertThat(run.error().orElseThrow().code()).isEqualTo(SyncErrorCode.ABANDONED);
        });
    }

    private int lockSessions() {
        return Jooq.using(ds)
                .fetchOne("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hunter-run-lock'")
                .get(0, Integer.class);
    }

    /** A closed connection's backend leaves pg_stat_activity a moment after the client closed it: up to 5 s. */
    private int lockSessionsOnceClosed() {
        return lockSessionsOnceSettledAt(0);
    }

    private int lockSessionsOnceSettledAt(int expected) {
        Instant deadline = Instant.now().plusSeconds(5);
        int sessions = lockSessions();
        while (sessions > expected && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sessions;
            }
            sessions = lockSessions();
        }
        return sessions;
    }
}
