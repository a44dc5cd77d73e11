package io.hunterreferrals.simulator;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event the simulator raised and what became of it: a snapshot, taken when asked for.
 *
 * @param id increasing per simulator
 * @param referralId the last segment of the event's ResourceUri (the correlation id for {@code test-created})
 * @param body the exact UTF-8 bytes sent (and signed), as text
 * @param headers what each attempt sent besides the HTTP client's own: Content-Type, the signature header, the
 *     certificate URL and the algorithm
 * @param correlationId the validationEvents id for {@code test-created}; {@code null} for other events
 */
public record WebhookDelivery(
        long id,
        String eventName,
        String referralId,
        URI url,
        String body,
        Map<String, String> headers,
        Instant raisedAt,
        Status status,
        List<Attempt> attempts,
        String correlationId) {

    public WebhookDelivery {
        headers = Map.copyOf(headers);
        attempts = List.copyOf(attempts);
    }

    public enum Status {
        /** Queued or between attempts. */
        PENDING,
        /** An attempt was answered 2xx. */
        DELIVERED,
        /** Every attempt failed: Partner Center "moved it into an offline queue"; nothing else will happen to it. */
        DROPPED,
        /** Raised (or due) while delivery was paused: never sent, as in an outage Partner Center gave up on. */
        LOST
    }

    /**
     * @param statusCode the receiver's answer, or -1 when there was none (connection refused, timeout)
     * @param error the I/O error, or {@code null}
     * @param response the start of the response body, or {@code null}
     */
    public record Attempt(int number, Instant at, int statusCode, String error, String response) {

        public boolean succeeded() {
            return statusCode >= 200 && statusCode < 300;
        }
    }
}
