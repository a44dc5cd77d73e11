package io.hunterreferrals.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a webhook may take.
 *
 * @param connect to open the connection (TCP and TLS)
 * @param request from sending the request to the end of the answer
 */
public record HttpTimeouts(Duration connect, Duration request) {

    /**
     * The delivery worker leases a delivery for two minutes (core's {@code DeliverNotifications.LEASE}): an attempt
     * must end well before, or another worker would send the same notification while this one still may succeed.
     */
    static final Duration MAX_TOTAL = Duration.ofSeconds(90);

    /** Declared after {@link #MAX_TOTAL}, which its constructor reads. */
    public static final HttpTimeouts DEFAULTS = new HttpTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));

    public HttpTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(request, "request");
        if (connect.isNegative() || connect.isZero() || request.isNegative() || request.isZero()) {
            throw new IllegalArgumentException("the webhook timeouts must be positive (connect " + connect.toMillis()
                    + " ms, request " + request.toMillis() + " ms)");
        }
        if (connect.plus(request).compareTo(MAX_TOTAL) > 0) {
            throw new IllegalArgumentException("the webhook timeouts must add up to at most " + MAX_TOTAL.toSeconds()
                    + " s, well inside the delivery worker's two-minute lease (connect " + connect.toSeconds()
                    + " s, request " + request.toSeconds() + " s)");
        }
    }

    /** The longest one attempt can take: connecting, then the request. */
    Duration total() {
        return connect.plus(request);
    }
}
