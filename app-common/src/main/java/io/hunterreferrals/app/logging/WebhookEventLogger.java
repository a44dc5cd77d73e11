package io.hunterreferrals.app.logging;

import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.webhook.HintOffer;
import io.hunterreferrals.core.webhook.QueuedHint;
import io.hunterreferrals.core.webhook.ReferralHint;
import io.hunterreferrals.core.webhook.WebhookListener;
import io.hunterreferrals.core.webhook.WebhookRejection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook path's structured log events: {@code partner_center_webhook_received}, {@code ..._rejected} (warn, with
 * the reason), {@code ..._applied} (the run that read the referrals), {@code ..._deferred} (debug) and
 * {@code ..._apply_failed} (warn). Referral ids, event names, codes and counts only: never a body, a signature or a
 * certificate URL's contents.
 */
public final class WebhookEventLogger implements WebhookListener {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.webhook");

    @Override
    public void received(ReferralHint hint, HintOffer offer) {
        LOG.atInfo()
                .setMessage("partner_center_webhook_received")
                .addKeyValue("event", hint.event().wireName())
                .addKeyValue("referral_id", hint.referralId().value())
                .addKeyValue("changed_at", hint.changedAt())
                .addKeyValue("outcome", offer.code())
                .log();
    }

    @Override
    public void rejected(WebhookRejection reason, String message) {
        LOG.atWarn()
                .setMessage("partner_center_webhook_rejected")
                .addKeyValue("reason", reason.code())
                .addKeyValue("error", message)
                .log();
    }

    @Override
    public void applied(List<QueuedHint> hints, SyncReport report) {
        LOG.atInfo()
                .setMessage("partner_center_webhook_applied")
                .addKeyValue("hints", hints.size())
                .addKeyValue("run_id", report.runId().toString())
                .addKeyValue("created", report.created())
                .addKeyValue("updated", report.updated())
                .addKeyValue("status", report.status().code())
                .log();
    }

    @Override
    public void deferred(List<QueuedHint> hints, SyncRunId busyRun) {
        LOG.atDebug()
                .setMessage("partner_center_webhook_deferred")
                .addKeyValue("hints", hints.size())
                .addKeyValue("busy_run_id", busyRun.toString())
                .log();
    }

    @Override
    public void applyFailed(List<QueuedHint> hints, Optional<SyncError> error, int gaveUp) {
        LOG.atWarn()
                .setMessage("partner_center_webhook_apply_failed")
                .addKeyValue("hints", hints.size())
                .addKeyValue("gave_up", gaveUp)
                .addKeyValue("error_code", error.map(e -> e.code().code()).orElse("none"))
                .addKeyValue("request_id", error.flatMap(SyncError::requestId).orElse("none"))
                .log();
    }
}
