package io.hunterreferrals.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * One structured line per request: method, route template, status, duration and request id. It logs the template, never
 * the raw path, query or body: paths carry referral ids, queries carry searched company names, and bodies carry domains
 * and notes; none of it belongs in logs.
 */
final class AccessLog {

    static final String UNMATCHED = "unmatched";
    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.http.access");

    private final HttpRequestObserver observer;

    AccessLog(HttpRequestObserver observer) {
        this.observer = observer;
    }

    void finished(Context ctx, Float millis) {
        try {
            String route = route(ctx);
            int status = ctx.status().getCode();
            long durationMs = millis == null ? 0 : Math.round(millis);
            LOG.atLevel(status >= 500 ? Level.WARN : Level.INFO)
                    .addKeyValue("method", ctx.method().name())
                    .addKeyValue("route", route)
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", durationMs)
                    .addKeyValue("request_id", RequestIds.of(ctx))
                    .log("http_request");
            observer.requestFinished(
                    ctx.method().name(),
                    route,
                    status,
                    Duration.ofNanos(millis == null ? 0 : (long) (millis * 1_000_000)));
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? UNMATCHED : endpoint.path;
        } catch (RuntimeException e) {
            return UNMATCHED;
        }
    }
}
