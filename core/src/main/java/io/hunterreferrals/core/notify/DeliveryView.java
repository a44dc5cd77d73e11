package io.hunterreferrals.core.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery as the API, the CLI and the UI show it.
 *
 * @param channel the channel's name
 * @param state where it stands
 * @param attempts attempts made so far
 * @param nextAttemptAt when it is tried next, while pending
 * @param deliveredAt when the receiver took it
 * @param lastError the last failure's code, message and request id
 * @param detail what the receiver answered when it took it
 */
public record DeliveryView(
        String channel,
        DeliveryState state,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Optional<Instant> deliveredAt,
        Optional<DeliveryFailure> lastError,
        Optional<String> detail) {

    public DeliveryView {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(detail, "detail");
    }
}
