package io.hunterreferrals.partnercenter;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** Reads the response headers support asks for. {@link HttpHeaders} lookups ignore case. */
final class ResponseHeaders {

    private ResponseHeaders() {}

    /** {@code request-id} (the docs also spell it {@code Request-ID}), else the gateway's {@code x-ms-request-id}. */
    static String requestId(HttpHeaders headers) {
        return headers.firstValue("request-id")
                .or(() -> headers.firstValue("x-ms-request-id"))
                .filter(v -> !v.isBlank())
                .orElse(null);
    }

    static Optional<String> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After");
    }
}
