package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Renders the delay and replacement-response faults; page tampering is the list endpoint's business. */
final class FaultReplies {

    private FaultReplies() {}

    /** Sleeps for any delay fault, then returns the replacement reply of a response fault if one was taken. */
    static Optional<Reply> apply(List<Fault> taken, Clock clock) {
        for (Fault f : taken) {
            if (f.kind() == Fault.Kind.DELAY) {
                sleep(f.delay());
            }
        }
        return taken.stream()
                .filter(f -> f.kind() != Fault.Kind.DELAY && !f.kind().tampersWithPage())
                .findFirst()
                .map(f -> render(f, clock));
    }

    private static Reply render(Fault f, Clock clock) {
        Reply reply = switch (f.kind()) {
            case TOO_MANY_REQUESTS -> {
                // The gateway's own shape, not the Partner API error envelope (partner-center-api.md §4).
                ObjectNode body = Json.object()
                        .put("statusCode", 429)
                        .put(
                                "message",
                                "Rate limit is exceeded. Try again in " + Math.max(0, f.retryAfterSeconds())
                                        + " seconds.");
                yield Reply.json(429, body);
            }
            case INTERNAL_SERVER_ERROR ->
                ApiErrors.error(500, "generalException", "An unexpected error occurred. Please retry.");
            case SERVICE_UNAVAILABLE ->
                ApiErrors.error(503, "serviceNotAvailable", "The service is temporarily unavailable.");
            case FORBIDDEN ->
                ApiErrors.error(
                        403, "accessDenied", "The user does not have the Referral Admin or Referral User role.");
            default -> throw new IllegalArgumentException("not a response fault: " + f.kind());
        };
        if (f.retryAfterSeconds() >= 0) {
            String value = f.retryAfterAsHttpDate()
                    ? DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            clock.instant().plusSeconds(f.retryAfterSeconds()).atOffset(ZoneOffset.UTC))
                    : Integer.toString(f.retryAfterSeconds());
            reply = reply.withHeader("Retry-After", value);
        }
        return reply;
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            // The simulator is shutting down; answer at once.
            Thread.currentThread().interrupt();
        }
    }
}
