package io.hunterreferrals.server;

import io.hunterreferrals.http.HttpRequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** {@code hunter_http_requests_seconds{method, route, status}}: route templates only, so labels stay bounded. */
final class HttpMetrics implements HttpRequestObserver {

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestFinished(String method, String route, int status, Duration duration) {
        Timer.builder("hunter.http.requests")
                .description("HTTP requests served by this process")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(duration);
    }
}
