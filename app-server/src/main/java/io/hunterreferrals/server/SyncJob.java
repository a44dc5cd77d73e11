package io.hunterreferrals.server;

import io.hunterreferrals.app.logging.SyncTaskLogger;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.sync.RunPolicy;
import io.hunterreferrals.core.sync.RunPolicy.Decision;
import io.hunterreferrals.core.sync.RunPolicy.SkipCause;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Runs one sync for a scheduler task, with the task-level log events around it, after asking core's {@link RunPolicy}
 * whether it may start (the feature flag, a shutdown in progress, a queued run still waiting). Overlap is not prevented
 * here: the run log refuses a second running run whoever asks ({@link SyncOutcome.Busy}).
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
    private final RunPolicy policy;

    SyncJob(
            SyncReferrals sync,
            SyncRunLog runLog,
            SyncRunQueries runs,
            RunPolicy policy,
            BooleanSupplier enabled,
            SyncMetrics metrics,
            StopSignal stop,
            boolean simulated,
            Clock clock) {
        this.policy = policy;
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
        event(LOG.atInfo(), "partner_center_sync_scheduled", runId, taskName)
                .addKeyValue("mode", mode.code())
                .log();
        switch (policy.scheduled(enabled.getAsBoolean(), stop.stopping())) {
            case Decision.Start start -> execute(runId, request);
            case Decision.Skip skip -> disabledOrSkipped(runId, taskName, skip.reason(), request);
            case Decision.RetryLater later -> {} // stopping, nothing recorded: the next due time runs it
            case Decision.FailQueued fail -> throw new IllegalStateException("a scheduled run is never queued");
        }
    }

    /** A manual trigger's execution: the run was recorded as queued when the API accepted it. */
    QueuedResult runQueued(String taskName, SyncRunId runId, QueuedSync queued) {
        SyncRequest request = queued.request(runId);
        Supplier<Optional<SyncStatus>> status = () -> runs.find(runId).map(SyncRunView::status);
        return switch (policy.queued(status, enabled.getAsBoolean(), stop.stopping())) {
            case Decision.Start start ->
                execute(runId, request) instanceof SyncOutcome.Busy ? QueuedResult.RETRY_LATER : QueuedResult.DONE;
            case Decision.RetryLater later -> QueuedResult.RETRY_LATER;
            case Decision.Skip skip -> {
                disabledOrSkipped(runId, taskName, skip.reason(), request);
                yield QueuedResult.DONE;
            }
            case Decision.FailQueued fail -> {
                runLog.failQueued(runId, fail.error(), clock.instant());
                disabledOrSkipped(runId, taskName, fail.reason(), request);
                yield QueuedResult.DONE;
            }
        };
    }

    private void disabledOrSkipped(SyncRunId runId, String taskName, SkipCause cause, SyncRequest request) {
        event(LOG.atInfo(), "partner_center_sync_skipped", runId, taskName)
                .addKeyValue("reason", cause.code())
                .log();
        if (cause == SkipCause.FEATURE_FLAG_DISABLED) {
            metrics.runDisabled(request);
        }
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

    private LoggingEventBuilder event(LoggingEventBuilder builder, String name, SyncRunId runId, String taskName) {
        return builder.setMessage(name)
                .addKeyValue("source", "partner_center")
                .addKeyValue("task_id", runId.toString())
                .addKeyValue("task", taskName)
                .addKeyValue("simulated", simulated);
    }
}
