package io.hunterreferrals.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.sync.SkipReason;
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
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SyncRunQueries} must do over the runs its {@link SyncRunLog} recorded; run against the in-memory
 * fake and PostgreSQL. How each log call changes a run is {@link SyncRunLogContract}'s; this is what the sync status
 * and history show: which run is active, which finished last, the history's order and each run's times.
 */
public abstract class SyncRunQueriesContract {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final SyncRequest SCHEDULED = SyncRequest.of(SyncTrigger.SCHEDULED, SyncMode.INCREMENTAL);

    protected SyncRunLog log;
    protected SyncRunQueries runs;

    /** A fresh, empty log, then queries over it (called in this order). */
    protected abstract SyncRunLog createLog();

    protected abstract SyncRunQueries createQueries();

    @BeforeEach
    void createTheLog() {
        log = createLog();
        runs = createQueries();
    }

    @Test
    void showsNothingBeforeTheFirstRun() {
        assertThat(runs.find(SyncRunId.random())).isEmpty();
        assertThat(runs.active()).isEmpty();
        assertThat(runs.lastFinished()).isEmpty();
        Page<SyncRunView> none = runs.runs(PageRequest.FIRST);
        assertThat(none.items()).isEmpty();
        assertThat(none.total()).isZero();
    }

    @Test
    void aQueuedRunIsActiveWithNeitherAStartNorAHeartbeatNorANode() {
        SyncRunId queued = SyncRunId.random();
        log.enqueue(queued, SyncRequest.of(SyncTrigger.MANUAL, SyncMode.FULL).asDryRun(), T0);

        SyncRunView view = runs.active().orElseThrow();

        assertThat(view.runId()).isEqualTo(queued);
        assertThat(view.status()).isEqualTo(SyncStatus.QUEUED);
        assertThat(view.trigger()).isEqualTo(SyncTrigger.MANUAL);
        assertThat(view.mode()).isEqualTo(SyncMode.FULL);
        assertThat(view.dryRun()).isTrue();
        assertThat(view.requestedAt()).isEqualTo(T0);
        assertThat(view.startedAt()).isEmpty();
        assertThat(view.heartbeatAt()).isEmpty();
        assertThat(view.finishedAt()).isEmpty();
        assertThat(view.node()).isEmpty();
        assertThat(runs.lastFinished()).isEmpty();
    }

    @Test
    void aStartedRunKeepsWhenItWasRequestedAndShowsItsStartAndLastHeartbeat() {
        SyncRunId run = SyncRunId.random();
        log.enqueue(run, SCHEDULED, T0);
        log.start(run, SCHEDULED.forQueuedRun(run), T0.plusSeconds(5), Optional.of(T0.minusSeconds(3600)));
        log.heartbeat(run, T0.plusSeconds(20));

        SyncRunView view = runs.find(run).orElseThrow();

        assertThat(view.status()).isEqualTo(SyncStatus.RUNNING);
        assertThat(view.requestedAt()).isEqualTo(T0);
        assertThat(view.startedAt()).contains(T0.plusSeconds(5));
        assertThat(view.heartbeatAt()).contains(T0.plusSeconds(20));
        assertThat(view.watermarkBefore()).contains(T0.minusSeconds(3600));
        assertThat(view.finishedAt()).isEmpty();
        assertThat(view.node()).isPresent();
        // started without being queued: requested as it started
        SyncRunId direct = SyncRunId.random();
        log.finish(report(run, SyncStatus.SUCCEEDED, T0.plusSeconds(5), T0.plusSeconds(30)));
        log.start(direct, SCHEDULED, T0.plusSeconds(40), Optional.empty());
        assertThat(runs.find(direct).orElseThrow().requestedAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void theRunningRunIsActiveBeforeAQueuedOneAndShowsItsProgress() {
        SyncRunId queued = SyncRunId.random();
        log.enqueue(queued, SCHEDULED, T0);
        SyncRunId running = SyncRunId.random();
        log.start(running, SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL), T0.plusSeconds(1), Optional.empty());
        log.progress(running, new SyncProgress(2, 200, 100, 50, 40, 10, OptionalLong.of(1000)), T0.plusSeconds(30));

        SyncRunView active = runs.active().orElseThrow();
        assertThat(active.runId()).isEqualTo(running);
        assertThat(active.expectedTotal()).contains(1000L);
        assertThat(active.totalFetched()).isEqualTo(200);
        assertThat(active.pagesFetched()).isEqualTo(2);
        assertThat(active.created()).isEqualTo(100);
        assertThat(active.updated()).isEqualTo(50);
        assertThat(active.successCount()).isEqualTo(150);
        assertThat(active.skipped()).isEqualTo(40);
        assertThat(active.failed()).isEqualTo(10);
        assertThat(active.heartbeatAt()).contains(T0.plusSeconds(30));
        assertThat(runs.lastFinished()).isEmpty();

        log.finish(report(running, SyncStatus.SUCCEEDED, T0.plusSeconds(1), T0.plusSeconds(40)));
        assertThat(runs.active()).map(SyncRunView::runId).contains(queued);
    }

    @Test
    void showsTheWholeReportOfAFinishedRun() {
        SyncRunId ok = SyncRunId.random();
        log.start(ok, SCHEDULED, T0, Optional.of(T0.minusSeconds(3600)));
        log.finish(new SyncReport(
                ok,
                SyncTrigger.SCHEDULED,
                SyncMode.INCREMENTAL,
                false,
                SyncStatus.PARTIAL,
                7,
                3,
                Map.of(SkipReason.UNCHANGED, 12, SkipReason.STATUS, 2),
                Map.of("missing_id", 1),
                3,
                25,
                T0,
                T0.plusSeconds(9),
                Optional.of(T0.minusSeconds(3600)),
                Optional.of(T0.minusSeconds(60)),
                Optional.empty()));

        SyncRunView view = runs.find(ok).orElseThrow();

        assertThat(view.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(view.trigger()).isEqualTo(SyncTrigger.SCHEDULED);
        assertThat(view.created()).isEqualTo(7);
        assertThat(view.updated()).isEqualTo(3);
        assertThat(view.skipped()).isEqualTo(14);
        assertThat(view.failed()).isEqualTo(1);
        assertThat(view.totalFetched()).isEqualTo(25);
        assertThat(view.pagesFetched()).isEqualTo(3);
        assertThat(view.skippedReasons()).isEqualTo(Map.of("unchanged", 12, "status", 2));
        assertThat(view.failedReasons()).isEqualTo(Map.of("missing_id", 1));
        assertThat(view.startedAt()).contains(T0);
        assertThat(view.finishedAt()).contains(T0.plusSeconds(9));
        assertThat(view.heartbeatAt()).contains(T0.plusSeconds(9));
        assertThat(view.watermarkBefore()).contains(T0.minusSeconds(3600));
        assertThat(view.watermarkAfter()).contains(T0.minusSeconds(60));
        assertThat(view.node()).isPresent();
        assertThat(view.error()).isEmpty();
        assertThat(runs.lastFinished()).map(SyncRunView::runId).contains(ok);
        assertThat(runs.active()).isEmpty();
    }

    @Test
    void showsWhyARunFailed() {
        SyncRunId failed = SyncRunId.random();
        log.start(failed, SCHEDULED, T0, Optional.empty());
        SyncError error = new SyncError(
                SyncErrorCode.THROTTLED,
                "Partner Center asked us to slow down",
                Optional.of(429),
                Optional.of("TooManyRequests"),
                Optional.of("req-123"));
        log.finish(new SyncReport(
                failed,
                SyncTrigger.SCHEDULED,
                SyncMode.INCREMENTAL,
                false,
                SyncStatus.FAILED,
                0,
                0,
                Map.of(),
                Map.of(),
                1,
                0,
                T0,
                T0.plusSeconds(2),
                Optional.empty(),
                Optional.empty(),
                Optional.of(error)));

        assertThat(runs.find(failed).orElseThrow().error()).contains(error);
    }

    @Test
    void failedQueuedAndAbandonedRunsCarryTheirReasonAndTimes() {
        SyncRunId queued = SyncRunId.random();
        log.enqueue(queued, SCHEDULED, T0);
        log.failQueued(queued, SyncError.of(SyncErrorCode.DISPATCH_FAILED, "The scheduler is down"), T0.plusSeconds(1));
        SyncRunId stale = SyncRunId.random();
        log.start(stale, SCHEDULED, T0.plusSeconds(2), Optional.empty());
        assertThat(log.failAbandoned(T0.plusSeconds(600), T0.plusSeconds(900))).containsExactly(stale);

        SyncRunView dispatch = runs.find(queued).orElseThrow();
        assertThat(dispatch.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(dispatch.error()).map(SyncError::code).contains(SyncErrorCode.DISPATCH_FAILED);
        assertThat(dispatch.startedAt()).isEmpty();
        assertThat(dispatch.heartbeatAt()).isEmpty();
        assertThat(dispatch.finishedAt()).contains(T0.plusSeconds(1));
        SyncRunView abandoned = runs.find(stale).orElseThrow();
        assertThat(abandoned.error()).map(SyncError::code).contains(SyncErrorCode.ABANDONED);
        assertThat(abandoned.startedAt()).contains(T0.plusSeconds(2));
        assertThat(abandoned.heartbeatAt()).contains(T0.plusSeconds(2)); // the last one it sent
        assertThat(abandoned.finishedAt()).contains(T0.plusSeconds(900));
        assertThat(runs.lastFinished()).map(SyncRunView::runId).contains(stale);
    }

    @Test
    void theLastFinishedRunIsTheOneThatFinishedLastNotTheLastRequested() {
        SyncRunId queued = SyncRunId.random();
        log.enqueue(queued, SCHEDULED, T0);
        SyncRunId cli = SyncRunId.random();
        log.start(cli, SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL), T0.plusSeconds(1), Optional.empty());
        log.finish(report(cli, SyncStatus.SUCCEEDED, T0.plusSeconds(1), T0.plusSeconds(2)));
        log.failQueued(queued, SyncError.of(SyncErrorCode.DISPATCH_FAILED, "The scheduler is down"), T0.plusSeconds(3));

        assertThat(runs.lastFinished()).map(SyncRunView::runId).contains(queued);
        assertThat(runs.runs(PageRequest.FIRST).items())
                .extracting(SyncRunView::runId)
                .containsExactly(cli, queued);
    }

    @Test
    void listsRunsNewestRequestFirstInPages() {
        for (int i = 0; i < 5; i++) {
            SyncRunId id = SyncRunId.random();
            Instant at = T0.plus(i, ChronoUnit.HOURS);
            log.start(id, SCHEDULED, at, Optional.empty());
            log.finish(new SyncReport(
                    id,
                    SyncTrigger.SCHEDULED,
                    SyncMode.INCREMENTAL,
                    false,
                    SyncStatus.SUCCEEDED,
                    i,
                    0,
                    Map.of(),
                    Map.of(),
                    1,
                    i,
                    at,
                    at.plusSeconds(5),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));
        }

        Page<SyncRunView> first = runs.runs(new PageRequest(1, 2));
        Page<SyncRunView> last = runs.runs(new PageRequest(3, 2));

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.items()).extracting(SyncRunView::created).containsExactly(4, 3);
        assertThat(last.items()).extracting(SyncRunView::created).containsExactly(0);
        assertThat(runs.runs(new PageRequest(4, 2)).items()).isEmpty();
        assertThat(runs.runs(new PageRequest(4, 2)).total()).isEqualTo(5);
        assertThat(runs.lastFinished()).map(SyncRunView::created).contains(4);
        assertThat(runs.runs(PageRequest.FIRST).items())
                .extracting(SyncRunView::requestedAt)
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    private static SyncReport report(SyncRunId run, SyncStatus status, Instant startedAt, Instant finishedAt) {
        return new SyncReport(
                run,
                SyncTrigger.SCHEDULED,
                SyncMode.INCREMENTAL,
                false,
                status,
                1,
                0,
                Map.of(),
                Map.of(),
                1,
                1,
                startedAt,
                finishedAt,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
