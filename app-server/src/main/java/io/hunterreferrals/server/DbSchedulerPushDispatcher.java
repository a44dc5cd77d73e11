package io.hunterreferrals.server;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import io.hunterreferrals.core.push.PushDispatcher;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import java.time.Clock;
import java.util.List;

/**
 * Hands a push to db-scheduler as a one-time execution due now, in the shared {@code scheduled_tasks} table. A push
 * reads every due referral, so one waiting execution serves every request: there are two slots, so that a request made
 * while a push runs (a sync that just stored changes behind its position) still gets a push after it.
 */
final class DbSchedulerPushDispatcher implements PushDispatcher {

    private static final List<String> SLOTS = List.of("push-1", "push-2");

    private final SchedulerClient scheduler;
    private final CustomTask<String> task;
    private final Clock clock;

    DbSchedulerPushDispatcher(SchedulerClient scheduler, CustomTask<String> task, Clock clock) {
        this.scheduler = scheduler;
        this.task = task;
        this.clock = clock;
    }

    @Override
    public Dispatched dispatch(PushTrigger trigger) {
        for (String slot : SLOTS) {
            if (scheduler.scheduleIfNotExists(task.instance(slot, trigger.code()), clock.instant())) {
                return Dispatched.QUEUED;
            }
            boolean waiting = scheduler
                    .getScheduledExecution(TaskInstanceId.of(PushTask.NAME, slot))
                    .map(execution -> !execution.isPicked())
                    .orElse(false);
            if (waiting) {
                return Dispatched.ALREADY_QUEUED;
            }
        }
        // both slots are being executed: one runs, the other found it running and is about to try again later
        return Dispatched.ALREADY_QUEUED;
    }
}
