package io.hunterreferrals.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request exactly as the simulator received it, for tests to assert on what a client really sent.
 *
 * @param rawQuery the query string before decoding, or {@code null} if there was none
 * @param queryParams the decoded query parameters, in arrival order
 * @param headers header names lower-cased; values as sent (including {@code Authorization})
 * @param body the request body as text (token requests are form-encoded)
 */
public record RecordedRequest(
        Instant receivedAt,
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> queryParams,
        Map<String, List<String>> headers,
        String body) {

    public RecordedRequest {
        queryParams = Map.copyOf(queryParams);
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public Optional<String> queryParam(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public boolean hasAuthorization() {
        return headers.containsKey("authorization");
    }

    /** Decoded form field of the body (e.g. {@code grant_type} of a token request). */
    public Optional<String> formParam(String name) {
        List<String> values = QueryStrings.parse(body).get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    @Override
    public String toString() {
        // Deliberately no headers or body: they carry bearer tokens and device codes.
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
