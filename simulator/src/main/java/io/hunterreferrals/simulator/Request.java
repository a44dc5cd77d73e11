package io.hunterreferrals.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the endpoints see it: already read, decoded and detached from the exchange, so handlers are plain
 * functions that are easy to reason about.
 *
 * @param headers keys lower-cased, because HTTP header names are case-insensitive
 */
record Request(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body,
        Instant receivedAt) {

    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The body read as an application/x-www-form-urlencoded form, which is what MSAL posts. */
    Map<String, List<String>> form() {
        return QueryStrings.parse(body);
    }

    boolean isPost() {
        return "POST".equals(method);
    }

    boolean isGet() {
        return "GET".equals(method);
    }
}
