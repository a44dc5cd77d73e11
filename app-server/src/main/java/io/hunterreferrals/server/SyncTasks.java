package io.hunterreferrals.server;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRunId;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The db-scheduler tasks. Names are stable: they are rows in {@code scheduled_tasks} shared by every instance, and the
 * recurring sync's name is what the runbook's operators grep for.
 */
final class SyncTasks {

    /** Incremental sync every {@code HUNTER_PARTNER_CENTER_SYNC_INTERVAL} (the predecessor's Celery beat entry). */
    static final String SYNC = "sync-partner-center-referrals";
    /** Daily full re-read: catches what incremental runs can miss (e.g. a referral changed without a new timestamp). */
    static final String RECONCILE = "reconcile-partner-center-referrals";
    /** One execution per manual trigger; the instance id is the queued run's id. */
    static final String MANUAL = "manual-partner-center-sync";

    static final String SWEEP = "fail-abandoned-sync-runs";
    /** A manual execution that keeps failing (database down) is retried this often before it is dropped. */
    private static final int MANUAL_MAX_RETRIES = 20;

    private final RecurringTask<Void> sync;
    private final RecurringTask<Void> reconcile;
    private final RecurringTask<Void> sweep;
    private final CustomTask<String> manual;

    SyncTasks(SyncJob job, AbandonedRuns abandoned, Duration syncInterval, SchedulerTuning tuning) {
        this.sync = Tasks.recurring(SYNC, FixedDelay.of(syncInterval))
                .execute((instance, context) -> job.runScheduled(SYNC, SyncMode.INCREMENTAL));
        this.reconcile = Tasks.recurring(RECONCILE, Schedules.daily(ZoneOffset.UTC, tuning.reconcileAt()))
                .execute((instance, context) -> job.runScheduled(RECONCILE, SyncMode.FULL));
        this.sweep = Tasks.recurring(SWEEP, FixedDelay.of(tuning.sweepInterval()))
                .execute((instance, context) -> abandoned.sweep(context.getSchedulerClient()));
        Duration retry = tuning.busyRetryDelay();
        this.manual = Tasks.custom(MANUAL, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        MANUAL_MAX_RETRIES, new FailureHandler.OnFailureRetryLater<>(retry)))
                .execute((instance, context) -> {
                    SyncJob.QueuedResult result = job.runQueued(
                            MANUAL, SyncRunId.parse(instance.getId()), QueuedSync.decode(instance.getData()));
                    return result == SyncJob.QueuedResult.DONE
                            ? new CompletionHandler.OnCompleteRemove<>()
                            : (complete, operations) -> operations.reschedule(
                                    complete, complete.getTimeDone().plus(retry));
                });
    }

    /** Started (scheduled if absent) by every scheduler process; an api process registers none of them. */
    List<RecurringTask<Void>> recurring() {
        return List.of(sync, reconcile, sweep);
    }

    CustomTask<String> manual() {
        return manual;
    }

    List<Task<?>> all() {
        return List.of(sync, reconcile, sweep, manual);
    }
}
