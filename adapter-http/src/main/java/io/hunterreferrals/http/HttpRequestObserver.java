package io.hunterreferrals.http;

import java.time.Duration;

/**
 * Sees every finished request, e.g. to record Micrometer HTTP timings in the app. Keeps this adapter free of a metrics
 * library: the app owns the registry that {@code /metrics} scrapes.
 */
@FunctionalInterface
public interface HttpRequestObserver {

    HttpRequestObserver NONE = (method, route, status, duration) -> {};

    /**
     * @param route the matched route template (e.g. {@code /api/v1/partner-center/referrals/{id}}), or
     *     {@code unmatched}: never the raw path, so metric labels stay bounded and carry no ids
     */
    void requestFinished(String method, String route, int status, Duration duration);
}
