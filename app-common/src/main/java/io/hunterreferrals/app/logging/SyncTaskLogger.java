package io.hunterreferrals.app.logging;

import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task-level events around one sync, logged by whoever runs it (the CLI, the scheduler):
 * {@code partner_center_sync_task_started} and {@code partner_center_sync_task_completed}, as in the runbook.
 */
public final class SyncTaskLogger {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.sync.task");

    private SyncTaskLogger() {}

    public static void started(SyncRunId runId, SyncRequest request) {
        SyncEventLogger.event(LOG.atInfo(), "partner_center_sync_task_started", runId)
                .addKeyValue("trigger", request.trigger().code())
                .addKeyValue("mode", request.mode().code())
                .log();
    }

    public static void completed(SyncRunId runId, SyncOutcome outcome) {
        switch (outcome) {
            case SyncOutcome.Ran ran ->
                SyncEventLogger.event(LOG.atInfo(), "partner_center_sync_task_completed", runId)
                        .addKeyValue("status", ran.report().status().code())
                        .addKeyValue("success_count", ran.report().successCount())
                        .addKeyValue("failure_count", ran.report().failedCount())
                        .addKeyValue("skipped_count", ran.report().skippedCount())
                        .addKeyValue("duration_ms", ran.report().duration().toMillis())
                        .log();
            case SyncOutcome.Busy busy ->
                SyncEventLogger.event(LOG.atInfo(), "partner_center_sync_task_completed", runId)
                        .addKeyValue("status", "skipped")
                        .addKeyValue("reason", "another_run_active")
                        .addKeyValue("active_task_id", busy.activeRun().toString())
                        .log();
        }
    }
}
