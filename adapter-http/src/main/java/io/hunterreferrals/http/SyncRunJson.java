package io.hunterreferrals.http;

import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.sync.SyncError;
import java.time.Instant;
import java.util.Map;

/** One sync run; while it runs, its counts are the progress so far and {@code expected_total} sizes a progress bar. */
record SyncRunJson(
        String taskId,
        String status,
        String trigger,
        String mode,
        boolean dryRun,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant heartbeatAt,
        int successCount,
        int createdCount,
        int updatedCount,
        int skippedCount,
        int failureCount,
        int totalFetched,
        int pagesFetched,
        Long expectedTotal,
        Map<String, Integer> skippedReasons,
        Map<String, Integer> failedReasons,
        ErrorJson error,
        Instant watermarkBefore,
        Instant watermarkAfter,
        String node) {

    static SyncRunJson of(SyncRunView run) {
        return new SyncRunJson(
                run.runId().toString(),
                run.status().code(),
                run.trigger().code(),
                run.mode().code(),
                run.dryRun(),
                run.requestedAt(),
                run.startedAt().orElse(null),
                run.finishedAt().orElse(null),
                run.heartbeatAt().orElse(null),
                run.successCount(),
                run.created(),
                run.updated(),
                run.skipped(),
                run.failed(),
                run.totalFetched(),
                run.pagesFetched(),
                run.expectedTotal().orElse(null),
                run.skippedReasons(),
                run.failedReasons(),
                run.error().map(ErrorJson::of).orElse(null),
                run.watermarkBefore().orElse(null),
                run.watermarkAfter().orElse(null),
                run.node().orElse(null));
    }

    /** Why a run failed, with what Partner Center said (status, error code, request id for a support case). */
    record ErrorJson(String code, String message, Integer httpStatus, String partnerCenterErrorCode, String requestId) {

        static ErrorJson of(SyncError error) {
            return new ErrorJson(
                    error.code().code(),
                    error.message(),
                    error.httpStatus().orElse(null),
                    error.partnerCenterErrorCode().orElse(null),
                    error.requestId().orElse(null));
        }
    }
}
