package io.hunterreferrals.core.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the delay doubles from {@code firstDelay} up to {@code maxDelay}; after
 * {@code maxAttempts} attempts, or at once for a failure that waiting cannot cure, the delivery goes to the dead
 * letters. A receiver's {@code Retry-After} is honoured when it asks for longer.
 *
 * @param firstDelay the wait after the first failure
 * @param maxDelay the longest wait between two attempts
 * @param maxAttempts attempts in all, the first one included
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    /** 10 s, 20 s, 40 s, ... up to 1 h between attempts, 12 attempts: about seven hours before the dead letters. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), 12);

    public RetryPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("Need 0 < firstDelay <= maxDelay");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /**
     * The wait before the next attempt after attempt number {@code attempt} (1 for the first) failed with
     * {@code failure}; empty when the delivery goes to the dead letters instead.
     */
    public Optional<Duration> nextDelay(int attempt, DeliveryFailure failure) {
        if (!failure.code().retryable() || attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        return Optional.of(asked.compareTo(delay) > 0 ? asked : delay);
    }
}
