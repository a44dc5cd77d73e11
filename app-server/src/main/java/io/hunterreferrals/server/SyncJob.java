package io.hunterreferrals.server;

import io.hunterreferrals.app.logging.SyncTaskLogger;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncErrorCode;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncReferrals;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncRunLog;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Runs one sync for a scheduler task, with the task-level log events around it and the checks a task needs first (the
 * feature flag, a shutdown in progress, a queued run still waiting). Overlap is not prevented here: the run log refuses
 * a second running run whoever asks ({@link SyncOutcome.Busy}).
 */
final class SyncJob {

    /** What became of a queued (manual) run's execution. */
    enum QueuedResult {
        /** Ran, or will never run (flag off, no longer queued): remove the execution. */
        DONE,
        /** Another run is in progress or this node is stopping: try again later, maybe on another node. */
        RETRY_LATER
    }

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.sync.task");

    private final SyncReferrals sync;
    private final SyncRunLog runLog;
    private final SyncRunQueries runs;
    private final BooleanSupplier enabled;
    private final SyncMetrics metrics;
    private final boolean simulated;
    private final Clock clock;
    private final StopSignal stop;

    SyncJob(SyncReferrals sync, SyncRunLog runLog, SyncRunQueries runs, BooleanSupplier enabled, SyncMetrics metrics,
            StopSignal stop, boolean simulated, Clock clock) {
        this.sync = sync;
        this.runLog = runLog;
        this.runs = runs;
        this.enabled = enabled;
        this.metrics = metrics;
        this.stop = stop;
        this.simulated = simulated;
        this.clock = clock;
    }

    /** A recurring task is due: the line operators watch for, as they watched Celery beat's "Sending due task". */
    void runScheduled(String taskName, SyncMode mode) {
        SyncRunId runId = SyncRunId.random();
        SyncRequest request = SyncRequest.of(SyncTrigger.SCHEDULED, mode).forQueuedRun(runId);
        event(LOG.atInfo(), "partner_center_sync_scheduled", runId, taskName).addKeyValue("mode", mode.code()).log();
        if (stop.stopping()) {
            return;
        }
        if (!enabled.getAsBoolean()) {
            skipped(runId, taskName, "feature_flag_disabled");
            metrics.runDisabled(request);
            return;
        }
        execute(runId, request);
    }

    /** A manual trigger's execution: the run was recorded as queued when the API accepted it. */
    QueuedResult runQueued(String taskName, SyncRunId runId, QueuedSync queued) {
        if (stop.stopping()) {
            return QueuedResult.RETRY_LATER;
        }
        Optional<SyncStatus> status = runs.find(runId).map(SyncRunView::status);
        if (status.filter(s -> s == SyncStatus.QUEUED).isEmpty()) {
            // Revived after its node died, or failed meanwhile: the run is settled, the next sync resumes.
            skipped(runId, taskName, "run_not_queued");
            return QueuedResult.DONE;
        }
        SyncRequest request = queued.request(runId);
        if (!enabled.getAsBoolean()) {
            runLog.failQueued(runId, SyncError.of(SyncErrorCode.PARTNER_CENTER_DISABLED, "HUNTER_PARTNER_CENTER_ENABLED was turned "
                    + "off before the run started."), clock.instant());
            skipped(runId, taskName, "feature_flag_disabled");
            metrics.runDisabled(request);
            return QueuedResult.DONE;
        }
        SyncOutcome outcome = execute(runId, request);
        return outcome instanceof SyncOutcome.Busy ? QueuedResult.RETRY_LATER : QueuedResult.DONE;
    }

    private SyncOutcome execute(SyncRunId runId, SyncRequest request) {
        SyncTaskLogger.started(runId, request);
        SyncOutcome outcome;
        try {
            outcome = sync.sync(request);
        } finally {
            // A shutdown's interrupt has been honoured (the run stopped after its page); clearing it lets the
            // scheduler record the execution's completion instead of failing on an interrupted connection checkout.
            Thread.interrupted();
        }
        SyncTaskLogger.completed(runId, outcome);
        return outcome;
    }

    /** Shutdown: no new runs start here, and a running one stops after the page in hand ({@link StopSignal}). */
    void stop() {
        stop.stop();
    }

    private void skipped(SyncRunId runId, String taskName, String reason) {
        event(LOG.atInfo(), "partner_center_sync_skipped", runId, taskName).addKeyValue("reason", reason).log();
    }

    private LoggingEventBuilder event(LoggingEventBuilder builder, String name, SyncRunId runId, String taskName) {
        return builder.setMessage(name).addKeyValue("source", "partner_center").addKeyValue("task_id", runId.toString())
                .addKeyValue("task", taskName).addKeyValue("simulated", simulated);
    }
}
