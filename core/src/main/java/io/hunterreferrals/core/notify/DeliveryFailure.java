package io.hunterreferrals.core.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a channel could not deliver.
 *
 * @param code why, from the closed list
 * @param message what happened, for an operator: never a URL's secret part, never a message's content
 * @param retryAfter how long the receiver asked to wait (HTTP {@code Retry-After}), if it did
 * @param requestId the receiver's request id, if it sent one
 */
public record DeliveryFailure(
        DeliveryErrorCode code, String message, Optional<Duration> retryAfter, Optional<String> requestId) {

    public DeliveryFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(requestId, "requestId");
    }

    public static DeliveryFailure of(DeliveryErrorCode code, String message) {
        return new DeliveryFailure(code, message, Optional.empty(), Optional.empty());
    }
}
