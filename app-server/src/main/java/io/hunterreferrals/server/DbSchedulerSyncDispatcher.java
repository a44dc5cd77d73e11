package io.hunterreferrals.server;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import io.hunterreferrals.core.sync.SyncDispatcher;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import java.time.Clock;

/**
 * Hands a queued run to db-scheduler as a one-time execution due now, in the shared {@code scheduled_tasks} table: any
 * scheduler process (this one, or a worker elsewhere) picks it up, and exactly one runs it.
 */
final class DbSchedulerSyncDispatcher implements SyncDispatcher {

    private final SchedulerClient scheduler;
    private final CustomTask<String> task;
    private final Clock clock;

    DbSchedulerSyncDispatcher(SchedulerClient scheduler, CustomTask<String> task, Clock clock) {
        this.scheduler = scheduler;
        this.task = task;
        this.clock = clock;
    }

    @Override
    public void dispatch(SyncRequest request) {
        SyncRunId runId = request.queuedRun()
                .orElseThrow(() -> new IllegalArgumentException("Only a queued run can be dispatched"));
        scheduler.scheduleIfNotExists(
                task.instance(runId.toString(), QueuedSync.of(request).encode()), clock.instant());
    }
}
