package io.hunterreferrals.core.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * A hint claimed from the queue.
 *
 * @param id the queue's own id for it
 * @param attempts how many runs already tried to apply it and failed
 */
public record QueuedHint(long id, ReferralHint hint, Instant receivedAt, int attempts) {

    public QueuedHint {
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
