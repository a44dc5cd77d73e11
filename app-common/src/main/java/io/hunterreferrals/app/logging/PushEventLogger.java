package io.hunterreferrals.app.logging;

import io.hunterreferrals.core.push.PushError;
import io.hunterreferrals.core.push.PushListener;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Turns push events into structured log events, like the sync's: {@code dynamics_push_started},
 * {@code dynamics_push_batch}, {@code dynamics_push_summary}, and on failure {@code dynamics_push_failed}. Every event
 * carries {@code push_id} and {@code destination=dynamics365}; only ids, codes and counts are logged, never a lead's
 * values (names, e-mails, phone numbers, notes).
 */
public final class PushEventLogger implements PushListener {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.push");

    @Override
    public void runStarted(PushRunId runId, PushRequest request) {
        event(LOG.atInfo(), "dynamics_push_started", runId)
                .addKeyValue("trigger", request.trigger().code())
                .addKeyValue("dry_run", request.dryRun())
                .addKeyValue(
                        "referral_id", request.referral().map(id -> id.value()).orElse("all_due"))
                .log();
    }

    @Override
    public void batchPushed(PushRunId runId, int leads, int created, int updated, int rejected) {
        event(LOG.atDebug(), "dynamics_push_batch", runId)
                .addKeyValue("leads", leads)
                .addKeyValue("created_count", created)
                .addKeyValue("updated_count", updated)
                .addKeyValue("rejected_count", rejected)
                .log();
    }

    @Override
    public void runFinished(PushReport report) {
        // A partial push is a warning: the refused leads wait on their referral (hunter referrals show <id>).
        event(report.failed().isEmpty() ? LOG.atInfo() : LOG.atWarn(), "dynamics_push_summary", report.runId())
                .addKeyValue("status", report.status().code())
                .addKeyValue("dry_run", report.dryRun())
                .addKeyValue("created_count", report.created())
                .addKeyValue("updated_count", report.updated())
                .addKeyValue("skipped_count", report.skippedCount())
                .addKeyValue("failed_count", report.failedCount())
                .addKeyValue("skipped_reasons", report.skipped())
                .addKeyValue("failed_reasons", report.failed())
                .addKeyValue("duration_ms", report.duration().toMillis())
                .log();
        report.error().ifPresent(error -> failed(report.runId(), error));
    }

    private static void failed(PushRunId runId, PushError error) {
        event(LOG.atError(), "dynamics_push_failed", runId)
                .addKeyValue("error_code", error.code().code())
                .addKeyValue("error", error.message())
                .addKeyValue(
                        "http_status", error.httpStatus().map(Object::toString).orElse("none"))
                .addKeyValue("dynamics_error_code", error.destinationErrorCode().orElse("none"))
                .addKeyValue("request_id", error.requestId().orElse("none"))
                .log();
    }

    private static LoggingEventBuilder event(LoggingEventBuilder builder, String name, PushRunId runId) {
        return builder.setMessage(name)
                .addKeyValue("destination", "dynamics365")
                .addKeyValue("push_id", runId.toString());
    }
}
