package io.hunterreferrals.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.sync.RunClaim;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncErrorCode;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncRunLog;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SyncRunLog} must do; run against the in-memory log and PostgreSQL. */
public abstract class SyncRunLogContract {

    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final SyncRequest MANUAL = SyncRequest.of(SyncTrigger.MANUAL, SyncMode.INCREMENTAL);

    protected SyncRunLog log;

    protected abstract SyncRunLog createLog();

    /** The recorded status of a run. */
    protected abstract SyncStatus statusOf(SyncRunId runId);

    /** The run as operators see it: the matching {@code SyncRunQueries} over the same records. */
    protected abstract SyncRunView viewOf(SyncRunId runId);

    @BeforeEach
    void createLogUnderTest() {
        log = createLog();
    }

    @Test
    void queuesOneRunAtATime() {
        SyncRunId first = SyncRunId.random();

        assertThat(log.enqueue(first, MANUAL, NOW)).isEqualTo(RunClaim.CLAIMED);
        assertThat(log.enqueue(SyncRunId.random(), MANUAL, NOW)).isEqualTo(new RunClaim.Busy(first));
        assertThat(statusOf(first)).isEqualTo(SyncStatus.QUEUED);
    }

    @Test
    void startsAQueuedRun() {
        SyncRunId run = SyncRunId.random();
        log.enqueue(run, MANUAL, NOW);

        assertThat(log.start(run, MANUAL.forQueuedRun(run), NOW, Optional.empty()))
                .isEqualTo(RunClaim.CLAIMED);
        assertThat(statusOf(run)).isEqualTo(SyncStatus.RUNNING);
    }

    @Test
    void neverRunsTwoSyncsAtOnce() {
        SyncRunId running = SyncRunId.random();
        log.start(running, MANUAL, NOW, Optional.empty());

        SyncRunId other = SyncRunId.random();
        assertThat(log.start(other, SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL), NOW, Optional.empty()))
                .isEqualTo(new RunClaim.Busy(running));
        assertThat(log.enqueue(SyncRunId.random(), MANUAL, NOW)).isEqualTo(new RunClaim.Busy(running));
    }

    @Test
    void aRunThatAskedBeforeTheLastOneFinishedIsRecordedAsStartingAfterIt() {
        SyncRunId first = SyncRunId.random();
        log.start(first, MANUAL, NOW, Optional.empty());
        log.finish(report(first, Optional.empty())); // finished at NOW + 2 s

        SyncRunId next = SyncRunId.random();
        // its start instant was taken at NOW + 1 s, while the first was still finishing
        assertThat(log.start(next, MANUAL, NOW.plusSeconds(1), Optional.empty()))
                .isEqualTo(RunClaim.CLAIMED);

        assertThat(viewOf(next).startedAt()).contains(NOW.plusSeconds(2));
    }

    @Test
    void aFinishedRunMakesRoomForTheNext() {
        SyncRunId first = SyncRunId.random();
        log.start(first, MANUAL, NOW, Optional.empty());
        log.progress(first, new SyncProgress(1, 10, 8, 0, 2, 0, OptionalLong.of(10)), NOW.plusSeconds(1));
        log.finish(report(first, Optional.empty()));

        assertThat(statusOf(first)).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(log.start(SyncRunId.random(), MANUAL, NOW.plusSeconds(3), Optional.empty()))
                .isEqualTo(RunClaim.CLAIMED);
    }

    @Test
    void recordsPartialRunsWithTheirFailureReasons() {
        SyncRunId run = SyncRunId.random();
        log.start(run, MANUAL, NOW, Optional.empty());

        log.finish(new SyncReport(
                run,
                SyncTrigger.MANUAL,
                SyncMode.INCREMENTAL,
                false,
                SyncStatus.PARTIAL,
                8,
                0,
                Map.of(),
                Map.of("missing_id", 2),
                1,
                10,
                NOW,
                NOW.plusSeconds(2),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));

        assertThat(statusOf(run)).isEqualTo(SyncStatus.PARTIAL);
        assertThat(viewOf(run).failedReasons()).isEqualTo(Map.of("missing_id", 2));
        assertThat(log.start(SyncRunId.random(), MANUAL, NOW.plusSeconds(3), Optional.empty()))
                .isEqualTo(RunClaim.CLAIMED);
    }

    @Test
    void recordsFailedRuns() {
        SyncRunId run = SyncRunId.random();
        log.start(run, MANUAL, NOW, Optional.empty());

        log.finish(report(run, Optional.of(SyncError.of(SyncErrorCode.SIGN_IN_REQUIRED, "Run hunter auth login"))));

        assertThat(statusOf(run)).isEqualTo(SyncStatus.FAILED);
    }

    @Test
    void aQueuedRunThatCannotBeDispatchedFailsAndFreesTheQueue() {
        SyncRunId queued = SyncRunId.random();
        log.enqueue(queued, MANUAL, NOW);

        log.failQueued(queued, SyncError.of(SyncErrorCode.DISPATCH_FAILED, "try again"), NOW.plusSeconds(1));

        assertThat(statusOf(queued)).isEqualTo(SyncStatus.FAILED);
        assertThat(log.enqueue(SyncRunId.random(), MANUAL, NOW.plusSeconds(2))).isEqualTo(RunClaim.CLAIMED);
    }

    @Test
    void failsRunsWhoseProcessDied() {
        SyncRunId stale = SyncRunId.random();
        log.start(stale, MANUAL, NOW.minusSeconds(600), Optional.empty());

        assertThat(log.failAbandoned(NOW.minusSeconds(120), NOW)).containsExactly(stale);
        assertThat(statusOf(stale)).isEqualTo(SyncStatus.FAILED);
        assertThat(log.start(SyncRunId.random(), MANUAL, NOW, Optional.empty())).isEqualTo(RunClaim.CLAIMED);
    }

    @Test
    void keepsLiveRunsRunning() {
        SyncRunId live = SyncRunId.random();
        log.start(live, MANUAL, NOW.minusSeconds(600), Optional.empty());
        log.progress(live, new SyncProgress(1, 1, 1, 0, 0, 0, OptionalLong.empty()), NOW.minusSeconds(10));

        assertThat(log.failAbandoned(NOW.minusSeconds(120), NOW)).isEmpty();
        assertThat(statusOf(live)).isEqualTo(SyncStatus.RUNNING);
    }

    @Test
    void showsCreatedAndUpdatedApartWhileTheRunIsRunning() {
        SyncRunId run = SyncRunId.random();
        log.start(run, MANUAL, NOW, Optional.empty());

        log.progress(run, new SyncProgress(1, 7, 3, 2, 1, 1, OptionalLong.of(20)), NOW.plusSeconds(1));

        SyncRunView running = viewOf(run);
        assertThat(running.status()).isEqualTo(SyncStatus.RUNNING);
        assertThat(running.created()).isEqualTo(3);
        assertThat(running.updated()).isEqualTo(2);
        assertThat(running.successCount()).isEqualTo(5);
        assertThat(running.skipped()).isEqualTo(1);
        assertThat(running.failed()).isEqualTo(1);
        assertThat(running.totalFetched()).isEqualTo(7);
    }

    @Test
    void aHeartbeatKeepsALiveRunFromBeingTakenForAbandonedAndLeavesItsProgressAlone() {
        SyncRunId live = SyncRunId.random();
        log.start(live, MANUAL, NOW.minusSeconds(600), Optional.empty());
        log.progress(live, new SyncProgress(1, 5, 3, 2, 0, 0, OptionalLong.empty()), NOW.minusSeconds(300));

        log.heartbeat(live, NOW.minusSeconds(10));

        // The cut-off lies between the last progress and the beat: only the beat keeps the run alive.
        assertThat(log.failAbandoned(NOW.minusSeconds(120), NOW)).isEmpty();
        SyncRunView view = viewOf(live);
        assertThat(view.status()).isEqualTo(SyncStatus.RUNNING);
        assertThat(view.heartbeatAt()).contains(NOW.minusSeconds(10));
        assertThat(view.created()).isEqualTo(3);
        assertThat(view.updated()).isEqualTo(2);
        assertThat(view.totalFetched()).isEqualTo(5);
    }

    @Test
    void aHeartbeatAfterTheFinishChangesNothing() {
        SyncRunId finished = SyncRunId.random();
        log.start(finished, MANUAL, NOW, Optional.empty());
        log.finish(report(finished, Optional.empty()));
        SyncRunView beforeBeat = viewOf(finished);

        log.heartbeat(finished, NOW.plusSeconds(60));

        assertThat(viewOf(finished)).isEqualTo(beforeBeat);
    }

    @Test
    void aHeartbeatNeverRevivesAnAbandonedRun() {
        SyncRunId stale = SyncRunId.random();
        log.start(stale, MANUAL, NOW.minusSeconds(600), Optional.empty());
        log.failAbandoned(NOW.minusSeconds(120), NOW);
        SyncRunView beforeBeat = viewOf(stale);

        log.heartbeat(stale, NOW.plusSeconds(1));

        assertThat(viewOf(stale)).isEqualTo(beforeBeat);
        assertThat(statusOf(stale)).isEqualTo(SyncStatus.FAILED);
    }

    @Test
    void progressAfterTheFinishChangesNothing() {
        SyncRunId finished = SyncRunId.random();
        log.start(finished, MANUAL, NOW, Optional.empty());
        log.finish(report(finished, Optional.empty()));
        SyncRunView beforeProgress = viewOf(finished);

        log.progress(finished, new SyncProgress(9, 90, 50, 40, 0, 0, OptionalLong.of(90)), NOW.plusSeconds(60));

        assertThat(viewOf(finished)).isEqualTo(beforeProgress);
    }

    private static SyncReport report(SyncRunId runId, Optional<SyncError> error) {
        return new SyncReport(
                runId,
                SyncTrigger.MANUAL,
                SyncMode.INCREMENTAL,
                false,
                error.isPresent() ? SyncStatus.FAILED : SyncStatus.SUCCEEDED,
                8,
                0,
                Map.of(),
                Map.of(),
                1,
                8,
                NOW,
                NOW.plusSeconds(2),
                Optional.empty(),
                Optional.empty(),
                error);
    }
}
