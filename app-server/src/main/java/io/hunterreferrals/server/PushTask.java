package io.hunterreferrals.server;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import java.time.Duration;

/**
 * The db-scheduler task that runs background pushes. Its name is stable (rows in {@code scheduled_tasks} shared by
 * every instance); an execution's data is the trigger's code, as plain text.
 */
final class PushTask {

    static final String NAME = "push-referrals-to-dynamics";
    /** An execution that keeps failing (database down) is retried this often before it is dropped. */
    private static final int MAX_RETRIES = 20;

    private final CustomTask<String> task;

    PushTask(PushJob job, Duration busyRetry) {
        this.task = Tasks.custom(NAME, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        MAX_RETRIES, new FailureHandler.OnFailureRetryLater<>(busyRetry)))
                .execute((instance, context) -> job.run(trigger(instance.getData())) == PushJob.Result.DONE
                        ? new CompletionHandler.OnCompleteRemove<>()
                        : (complete, operations) -> operations.reschedule(
                                complete, complete.getTimeDone().plus(busyRetry)));
    }

    CustomTask<String> task() {
        return task;
    }

    /** Unreadable data (a newer server's trigger, say) runs as a manual push. */
    static PushTrigger trigger(String data) {
        try {
            return PushTrigger.fromCode(data);
        } catch (RuntimeException e) {
            return PushTrigger.MANUAL;
        }
    }
}
