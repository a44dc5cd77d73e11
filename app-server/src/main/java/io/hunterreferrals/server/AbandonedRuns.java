package io.hunterreferrals.server;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.sync.RunPolicy;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncRunLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles runs nobody will finish, so they stop blocking new ones: a running run whose heartbeat went stale (its node
 * died; db-scheduler separately revives or reschedules the execution), and a queued run whose execution is gone from
 * the scheduler table (its retries were used up), which would otherwise make every later trigger answer "already
 * queued".
 */
final class AbandonedRuns {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.sync.task");

    private final SyncRunLog runLog;
    private final SyncRunQueries runs;
    private final RunPolicy policy;
    private final Duration abandonedAfter;
    private final Clock clock;

    AbandonedRuns(SyncRunLog runLog, SyncRunQueries runs, RunPolicy policy, Duration abandonedAfter, Clock clock) {
        this.policy = policy;
        this.runLog = runLog;
        this.runs = runs;
        this.abandonedAfter = abandonedAfter;
        this.clock = clock;
    }

    void sweep(SchedulerClient scheduler) {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(abandonedAfter);
        List<SyncRunId> abandoned = runLog.failAbandoned(staleBefore, now);
        abandoned.forEach(runId -> log("partner_center_sync_abandoned", runId, "heartbeat_stale"));
        runs.active()
                .ifPresent(active -> policy.orphaned(
                                active.status(),
                                active.requestedAt(),
                                staleBefore,
                                () -> scheduler
                                        .getScheduledExecution(TaskInstanceId.of(
                                                SyncTasks.MANUAL, active.runId().toString()))
                                        .isPresent())
                        .ifPresent(error -> {
                            runLog.failQueued(active.runId(), error, now);
                            log("partner_center_sync_abandoned", active.runId(), "queued_without_execution");
                        }));
    }

    private static void log(String name, SyncRunId runId, String reason) {
        LOG.atWarn()
                .setMessage(name)
                .addKeyValue("source", "partner_center")
                .addKeyValue("task_id", runId.toString())
                .addKeyValue("reason", reason)
                .log();
    }
}
