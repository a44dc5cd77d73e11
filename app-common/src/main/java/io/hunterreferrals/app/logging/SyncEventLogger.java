package io.hunterreferrals.app.logging;

import io.hunterreferrals.core.sync.ReferralOutcome;
import io.hunterreferrals.core.sync.SourceQuery;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Turns sync events into the structured log events operators grep for (runbook phase 3.4):
 * {@code partner_center_sync_started}, {@code partner_center_referrals_fetched}, {@code partner_center_sync_summary},
 * and on failure {@code partner_center_sync_failed} (plus {@code partner_center_auth_error} when a sign-in is needed).
 * Every event carries {@code task_id} and {@code source=partner_center}. Only ids, codes, counts and domains are
 * logged: never names, e-mails or notes.
 */
public final class SyncEventLogger implements SyncListener {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.sync");

    @Override
    public void runStarted(SyncRunId runId, SyncRequest request, SourceQuery query) {
        event(LOG.atInfo(), "partner_center_sync_started", runId)
                .addKeyValue("trigger", request.trigger().code())
                .addKeyValue("mode", request.mode().code())
                .addKeyValue("dry_run", request.dryRun())
                .addKeyValue("directions", String.join(",", query.directions()))
                .addKeyValue(
                        "updated_since",
                        query.updatedSince().map(Object::toString).orElse("all"))
                .log();
    }

    @Override
    public void runRejected(SyncRunId runId, SyncRequest request, SyncRunId activeRun) {
        event(LOG.atInfo(), "partner_center_sync_skipped", runId)
                .addKeyValue("reason", "another_run_active")
                .addKeyValue("active_task_id", activeRun.toString())
                .log();
    }

    @Override
    public void referralProcessed(SyncRunId runId, ReferralOutcome outcome) {
        switch (outcome) {
            case ReferralOutcome.Stored stored ->
                event(LOG.atDebug(), "partner_center_referral_ingested", runId)
                        .addKeyValue("referral_id", stored.id().value())
                        .addKeyValue("write", stored.write().name().toLowerCase(java.util.Locale.ROOT))
                        .addKeyValue("referral_type", stored.category().label())
                        .addKeyValue(
                                "domain", stored.domain().map(Object::toString).orElse("none"))
                        .addKeyValue("link_status", stored.proposedLink().code())
                        .log();
            case ReferralOutcome.Skipped skipped ->
                event(LOG.atDebug(), "partner_center_referral_skipped", runId)
                        .addKeyValue("referral_id", skipped.id().value())
                        .addKeyValue("reason", skipped.reason().code())
                        .log();
            case ReferralOutcome.Failed failed ->
                event(LOG.atWarn(), "partner_center_referral_failed", runId)
                        .addKeyValue("referral_id", failed.referralId().orElse("unknown"))
                        .addKeyValue("reason", failed.reason())
                        .log();
        }
    }

    @Override
    public void pageProcessed(SyncRunId runId, SyncProgress progress) {
        event(LOG.atDebug(), "partner_center_page_processed", runId)
                .addKeyValue("pages_fetched", progress.pagesFetched())
                .addKeyValue("fetched", progress.fetched())
                .addKeyValue(
                        "expected_total",
                        progress.expectedTotal().isPresent()
                                ? progress.expectedTotal().getAsLong()
                                : -1)
                .addKeyValue("created_count", progress.created())
                .addKeyValue("updated_count", progress.updated())
                .addKeyValue("skipped_count", progress.skipped())
                .addKeyValue("failure_count", progress.failed())
                .log();
    }

    @Override
    public void fetchCompleted(SyncRunId runId, int totalFetched, int pagesFetched) {
        event(LOG.atInfo(), "partner_center_referrals_fetched", runId)
                .addKeyValue("total_count", totalFetched)
                .addKeyValue("pages_fetched", pagesFetched)
                .log();
    }

    @Override
    public void runFinished(SyncReport report) {
        // A partial run is a warning: referrals sit in the quarantine (hunter sync failures) until Partner Center fixes
        // them.
        event(report.isPartial() ? LOG.atWarn() : LOG.atInfo(), "partner_center_sync_summary", report.runId())
                .addKeyValue("status", report.status().code())
                .addKeyValue("success_count", report.successCount())
                .addKeyValue("failure_count", report.failedCount())
                .addKeyValue("skipped_count", report.skippedCount())
                .addKeyValue("total_processed", report.totalProcessed())
                .addKeyValue("created_count", report.created())
                .addKeyValue("updated_count", report.updated())
                .addKeyValue("skipped_reasons", codes(report.skippedReasons()))
                .addKeyValue("failed_reasons", report.failedReasons())
                .addKeyValue("pages_fetched", report.pagesFetched())
                .addKeyValue("duration_ms", report.duration().toMillis())
                .log();
        report.error().ifPresent(error -> failed(report.runId(), error));
    }

    private static void failed(SyncRunId runId, SyncError error) {
        String name = switch (error.code()) {
            case SIGN_IN_REQUIRED, FORBIDDEN -> "partner_center_auth_error";
            case THROTTLED -> "partner_center_rate_limit";
            case PARTNER_CENTER_UNAVAILABLE,
                    NETWORK_ERROR,
                    MALFORMED_PAGE,
                    PAGING_ABORTED,
                    REQUEST_REJECTED,
                    CONFIGURATION_INVALID,
                    DATABASE_UNAVAILABLE,
                    INTERNAL_ERROR,
                    INTERRUPTED,
                    ABANDONED,
                    DISPATCH_FAILED,
                    NOT_DISPATCHED,
                    PARTNER_CENTER_DISABLED,
                    UNRECOGNISED -> "partner_center_sync_failed";
        };
        event(LOG.atError(), name, runId)
                .addKeyValue("error_code", error.code().code())
                .addKeyValue("error", error.message())
                .addKeyValue(
                        "http_status", error.httpStatus().map(Object::toString).orElse("none"))
                .addKeyValue(
                        "partner_center_error_code",
                        error.partnerCenterErrorCode().orElse("none"))
                .addKeyValue("request_id", error.requestId().orElse("none"))
                .log();
    }

    static LoggingEventBuilder event(LoggingEventBuilder builder, String name, SyncRunId runId) {
        return builder.setMessage(name)
                .addKeyValue("source", "partner_center")
                .addKeyValue("task_id", runId.toString());
    }

    private static Map<String, Integer> codes(Map<io.hunterreferrals.core.sync.SkipReason, Integer> reasons) {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        reasons.forEach((reason, count) -> byCode.put(reason.code(), count));
        return byCode;
    }
}
