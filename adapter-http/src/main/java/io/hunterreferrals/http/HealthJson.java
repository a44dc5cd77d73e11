package io.hunterreferrals.http;

import io.hunterreferrals.core.push.PushRunView;
import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.webhook.HintEvent;
import io.hunterreferrals.core.webhook.WebhookActivity;
import java.time.Instant;

/**
 * {@code GET /healthz}: always 200 (for humans and the runbook's {@code jq '.partner_center_enabled'}); {@code status}
 * is {@code degraded} while the database is unreachable. Load balancers use {@code /healthz/ready}.
 */
record HealthJson(
        String status,
        String database,
        boolean partnerCenterEnabled,
        String auth,
        LastSync lastSync,
        boolean dynamicsEnabled,
        LastPush lastPush,
        Webhooks webhooks,
        String version,
        String commit,
        boolean simulated) {

    /** The last finished sync, as the UI's badge shows it; {@code null} before the first. */
    record LastSync(
            String taskId,
            String status,
            Instant finishedAt,
            int successCount,
            int failureCount,
            int skippedCount,
            String errorCode) {

        static LastSync of(SyncRunView run) {
            return new LastSync(
                    run.runId().toString(),
                    run.status().code(),
                    run.finishedAt().orElse(null),
                    run.successCount(),
                    run.failed(),
                    run.skipped(),
                    run.error().map(e -> e.code().code()).orElse(null));
        }
    }

    /** The latest push to Dynamics 365 (running or finished); {@code null} before the first. */
    record LastPush(
            String runId,
            String status,
            String trigger,
            Instant startedAt,
            Instant finishedAt,
            int createdCount,
            int updatedCount,
            int failedCount,
            String errorCode) {

        static LastPush of(PushRunView run) {
            return new LastPush(
                    run.runId().toString(),
                    run.statusCode(),
                    run.trigger().code(),
                    run.startedAt(),
                    run.finishedAt().orElse(null),
                    run.created(),
                    run.updated(),
                    run.failedCount(),
                    run.error().map(e -> e.code().code()).orElse(null));
        }
    }

    /** The Partner Center webhook path; {@code null} when webhooks are off. */
    record Webhooks(Instant lastReceivedAt, String lastEvent, Instant lastTestReceivedAt, long pending, long gaveUp) {

        static Webhooks of(WebhookActivity activity) {
            return new Webhooks(
                    activity.lastReceived().orElse(null),
                    activity.lastEvent().map(HintEvent::wireName).orElse(null),
                    activity.lastTestReceived().orElse(null),
                    activity.pending(),
                    activity.gaveUp());
        }
    }
}
