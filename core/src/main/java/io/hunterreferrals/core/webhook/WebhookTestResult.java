package io.hunterreferrals.core.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Partner Center says became of a test event it sent ({@code GET .../validationEvents/{correlationId}}).
 *
 * @param status Partner Center's own word for it, as sent
 * @param attempts one per delivery attempt, oldest first
 */
public record WebhookTestResult(String correlationId, String status, List<Attempt> attempts) {

    public WebhookTestResult {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(status, "status");
        attempts = List.copyOf(attempts);
    }

    /** @param responseCode as Partner Center reports it, e.g. {@code OK} */
    public record Attempt(String responseCode, String message, Optional<String> systemError, Optional<Instant> at) {}

    /** Whether some attempt was answered OK. */
    public boolean delivered() {
        return attempts.stream()
                .anyMatch(a -> a.responseCode().equalsIgnoreCase("OK")
                        || a.responseCode().equals("200"));
    }
}
