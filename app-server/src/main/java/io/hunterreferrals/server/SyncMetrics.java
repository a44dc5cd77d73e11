package io.hunterreferrals.server;

import io.hunterreferrals.core.sync.ReferralOutcome;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;

/**
 * Sync runs by outcome ({@code hunter_sync_runs_total{outcome, trigger}}: succeeded, partial, failed, busy, disabled)
 * with their durations, and referrals by outcome ({@code hunter_sync_referrals_total{outcome}}).
 */
final class SyncMetrics implements SyncListener {

    private final MeterRegistry registry;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void runRejected(SyncRunId runId, SyncRequest request, SyncRunId activeRun) {
        run("busy", request.trigger().code());
    }

    /** A scheduled or queued run that did not start because the feature flag is off. */
    void runDisabled(SyncRequest request) {
        run("disabled", request.trigger().code());
    }

    @Override
    public void referralProcessed(SyncRunId runId, ReferralOutcome outcome) {
        String name = switch (outcome) {
            case ReferralOutcome.Stored stored -> stored.write().name().toLowerCase(Locale.ROOT);
            case ReferralOutcome.Skipped skipped -> "skipped";
            case ReferralOutcome.Failed failed -> "failed";
        };
        registry.counter("hunter.sync.referrals", "outcome", name).increment();
    }

    @Override
    public void runFinished(SyncReport report) {
        String outcome = report.status() == SyncStatus.FAILED ? "failed" : report.isPartial() ? "partial" : "succeeded";
        run(outcome, report.trigger().code());
        Timer.builder("hunter.sync.duration")
                .description("Duration of finished sync runs")
                .tag("outcome", outcome)
                .register(registry)
                .record(report.duration());
    }

    private void run(String outcome, String trigger) {
        registry.counter("hunter.sync.runs", "outcome", outcome, "trigger", trigger)
                .increment();
    }
}
