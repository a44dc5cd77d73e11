package io.hunterreferrals.server;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import io.hunterreferrals.core.sync.SyncDispatcher;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * db-scheduler on the application's PostgreSQL ({@code scheduled_tasks}, migration V2). A scheduler process (roles all
 * and worker) polls for due executions and runs them; an api process only writes manual triggers into the table.
 * db-scheduler guarantees that exactly one process runs a given execution; that runs never overlap at all is the run
 * log's guarantee.
 */
final class BackgroundSync implements AutoCloseable {

    private final Optional<Scheduler> scheduler;
    private final SchedulerClient client;
    private final SyncTasks tasks;
    private final SyncJob job;

    private BackgroundSync(Optional<Scheduler> scheduler, SchedulerClient client, SyncTasks tasks, SyncJob job) {
        this.scheduler = scheduler;
        this.client = client;
        this.tasks = tasks;
        this.job = job;
    }

    /** @param pushTask the push's one-time task ({@link ServerPush}), run by the same scheduler */
    static BackgroundSync start(
            DataSource dataSource,
            SyncTasks tasks,
            CustomTask<String> pushTask,
            SyncJob job,
            SchedulerTuning tuning,
            ServerRole role,
            String node) {
        if (!role.runsScheduler()) {
            SchedulerClient client = SchedulerClient.Builder.create(dataSource, tasks.manual(), pushTask)
                    .serializer(new TextSerializer())
                    .build();
            return new BackgroundSync(Optional.empty(), client, tasks, job);
        }
        Scheduler scheduler = Scheduler.create(dataSource, tasks.manual(), pushTask)
                .startTasks(tasks.recurring())
                .serializer(new TextSerializer())
                .schedulerName(new SchedulerName.Fixed(node))
                .threads(4)
                .pollingInterval(tuning.pollingInterval())
                .heartbeatInterval(tuning.schedulerHeartbeat())
                // a trigger accepted by this process starts at once instead of at the next poll
                .enableImmediateExecution()
                .shutdownMaxWait(tuning.shutdownMaxWait())
                .build();
        scheduler.start();
        return new BackgroundSync(Optional.of(scheduler), scheduler, tasks, job);
    }

    SyncDispatcher dispatcher(Clock clock) {
        return new DbSchedulerSyncDispatcher(client, tasks.manual(), clock);
    }

    /**
     * Stops taking executions; a running sync finishes the page in hand, records its outcome (failed, code
     * {@code interrupted}) and returns, and its db-scheduler execution completes normally (a recurring one is
     * rescheduled). db-scheduler interrupts what still runs after {@code shutdownMaxWait}.
     */
    @Override
    public void close() {
        job.stop();
        scheduler.ifPresent(Scheduler::stop);
    }
}
