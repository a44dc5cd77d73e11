package io.hunterreferrals.app.logging;

import io.hunterreferrals.core.push.PushError;
import io.hunterreferrals.core.push.PushListener;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.WriteBackResult;
import io.hunterreferrals.core.referral.ReferralId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Turns push events into structured log events, like the sync's: {@code dynamics_push_started},
 * {@code dynamics_push_batch}, {@code dynamics_push_summary}, and on failure {@code dynamics_push_failed}; with the
 * write-back on, {@code dynamics_push_write_back} for each lead id written back to Partner Center (debug),
 * {@code dynamics_push_write_back_refused} (info) and {@code dynamics_push_write_back_unavailable} (warn). Every event
 * carries {@code push_id} and {@code destination=dynamics365}; only ids, codes and counts are logged, never a lead's
 * values (names, e-mails, phone numbers, notes), nor Partner Center's message about a referral.
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
    public void leadIdWrittenBack(PushRunId runId, ReferralId referral, WriteBackResult result) {
        switch (result) {
            case WriteBackResult.Written w ->
                event(LOG.atDebug(), "dynamics_push_write_back", runId)
                        .addKeyValue("referral_id", referral.value())
                        .addKeyValue("request_id", w.requestId().orElse("none"))
                        .log();
            case WriteBackResult.Refused r ->
                event(LOG.atInfo(), "dynamics_push_write_back_refused", runId)
                        .addKeyValue("referral_id", referral.value())
                        .addKeyValue("error_code", r.code())
                        .addKeyValue("retried_by_next_push", r.retryable())
                        .addKeyValue("request_id", r.requestId().orElse("none"))
                        .log();
            case WriteBackResult.Unavailable u ->
                // our own message (what to do), never Partner Center's prose about the referral
                event(LOG.atWarn(), "dynamics_push_write_back_unavailable", runId)
                        .addKeyValue("referral_id", referral.value())
                        .addKeyValue("error_code", u.code())
                        .addKeyValue("error", u.message())
                        .addKeyValue("request_id", u.requestId().orElse("none"))
                        .log();
        }
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
                .addKeyValue("written_back_count", report.writtenBack())
                .addKeyValue("write_back_refused_count", report.writeBackRefusedCount())
                .addKeyValue("write_back_refused_reasons", report.writeBackRefused())
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
