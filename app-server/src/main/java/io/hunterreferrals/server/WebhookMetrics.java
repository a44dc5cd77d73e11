package io.hunterreferrals.server;

import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.webhook.HintOffer;
import io.hunterreferrals.core.webhook.QueuedHint;
import io.hunterreferrals.core.webhook.ReferralHint;
import io.hunterreferrals.core.webhook.WebhookListener;
import io.hunterreferrals.core.webhook.WebhookRejection;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Webhook calls by outcome ({@code hunter_webhook_calls_total{outcome, reason}}: queued, duplicate, test, rejected with
 * its reason) and hints processed ({@code hunter_webhook_hints_total{outcome}}: applied, deferred, failed, gave_up).
 */
final class WebhookMetrics implements WebhookListener {

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void received(ReferralHint hint, HintOffer offer) {
        registry.counter("hunter.webhook.calls", "outcome", offer.code(), "reason", "none")
                .increment();
    }

    @Override
    public void rejected(WebhookRejection reason, String message) {
        registry.counter("hunter.webhook.calls", "outcome", "rejected", "reason", reason.code())
                .increment();
    }

    @Override
    public void applied(List<QueuedHint> hints, SyncReport report) {
        hints("applied", hints.size());
    }

    @Override
    public void deferred(List<QueuedHint> hints, SyncRunId busyRun) {
        hints("deferred", hints.size());
    }

    @Override
    public void applyFailed(List<QueuedHint> hints, Optional<SyncError> error, int gaveUp) {
        hints("failed", hints.size() - gaveUp);
        hints("gave_up", gaveUp);
    }

    private void hints(String outcome, int count) {
        registry.counter("hunter.webhook.hints", "outcome", outcome).increment(count);
    }
}
