package io.hunterreferrals.server;

import io.hunterreferrals.core.push.PushListener;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.PushRunId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Push runs by outcome ({@code hunter_dynamics_push_runs_total{outcome, trigger}}: success, partial, failed, busy) with
 * their durations, and leads by outcome ({@code hunter_dynamics_push_leads_total{outcome}}: created, updated,
 * rejected). Throttling shows in the {@code dynamics_rate_limit} log events and, past the budget, as failed runs with
 * {@code dynamics_throttled}.
 */
final class PushMetrics implements PushListener {

    private final MeterRegistry registry;

    PushMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void batchPushed(PushRunId runId, int leads, int created, int updated, int rejected) {
        registry.counter("hunter.dynamics.push.leads", "outcome", "created").increment(created);
        registry.counter("hunter.dynamics.push.leads", "outcome", "updated").increment(updated);
        registry.counter("hunter.dynamics.push.leads", "outcome", "rejected").increment(rejected);
    }

    @Override
    public void runFinished(PushReport report) {
        String outcome = report.status().code();
        run(outcome, report.trigger());
        Timer.builder("hunter.dynamics.push.duration")
                .description("Duration of finished pushes to Dynamics 365")
                .tag("outcome", outcome)
                .register(registry)
                .record(report.duration());
    }

    /** A push that did not start because another one was running. */
    void busy(PushTrigger trigger) {
        run("busy", trigger);
    }

    private void run(String outcome, PushTrigger trigger) {
        registry.counter("hunter.dynamics.push.runs", "outcome", outcome, "trigger", trigger.code())
                .increment();
    }
}
