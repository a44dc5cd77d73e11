package io.hunterreferrals.http;

import java.util.List;

/**
 * The answer to a sync trigger, in the exact shape the runbook's {@code curl} expects. The counts are always 0 here
 * because the run is asynchronous; {@code GET .../sync/runs/{task_id}} has the real ones.
 */
record SyncTriggerJson(
        boolean success,
        String message,
        boolean enqueued,
        String taskId,
        int successCount,
        int failureCount,
        int skippedCount,
        List<String> errors) {

    static final String ENQUEUED = "Referral sync task enqueued. Check logs for results.";
    static final String ALREADY_ACTIVE =
            "A referral sync is already queued or running; no other was started. Follow its task_id for progress.";

    static SyncTriggerJson enqueued(String taskId) {
        return new SyncTriggerJson(true, ENQUEUED, true, taskId, 0, 0, 0, List.of());
    }

    static SyncTriggerJson alreadyActive(String taskId) {
        return new SyncTriggerJson(true, ALREADY_ACTIVE, false, taskId, 0, 0, 0, List.of());
    }
}
