package io.hunterreferrals.server;

import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.partnercenter.PageEvent;
import io.hunterreferrals.partnercenter.PartnerCenterListener;
import io.hunterreferrals.partnercenter.RetryEvent;
import io.hunterreferrals.partnercenter.RetryReason;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Partner Center calls as the Referrals client saw them: {@code hunter_partner_center_requests_total{status}} (a
 * fetched page is one 200; each retried failure counts with its status, or {@code none} for timeouts and refused
 * connections; the failure that ended a run counts from its report),
 * {@code hunter_partner_center_retries_total{reason}} and {@code hunter_partner_center_throttle_wait_seconds} (time
 * spent honouring Retry-After).
 */
final class PartnerCenterMetrics implements PartnerCenterListener, SyncListener {

    private final MeterRegistry registry;

    PartnerCenterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onPage(PageEvent event) {
        request("200");
    }

    @Override
    public void onRetry(RetryEvent event) {
        request(
                event.httpStatus().isPresent()
                        ? Integer.toString(event.httpStatus().getAsInt())
                        : "none");
        registry.counter(
                        "hunter.partner_center.retries",
                        "reason",
                        event.reason().name().toLowerCase(Locale.ROOT))
                .increment();
        if (event.reason() == RetryReason.THROTTLED) {
            registry.timer("hunter.partner_center.throttle.wait").record(event.delay());
        }
    }

    @Override
    public void runFinished(SyncReport report) {
        report.error().flatMap(error -> error.httpStatus()).ifPresent(status -> request(Integer.toString(status)));
    }

    private void request(String status) {
        registry.counter("hunter.partner_center.requests", "status", status).increment();
    }
}
