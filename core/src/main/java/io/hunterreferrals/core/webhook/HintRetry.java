package io.hunterreferrals.core.webhook;

import java.time.Duration;

/**
 * When to try a hint again. A run that waited for another run is not an attempt; a failed run is, with a doubling
 * back-off, and after the last attempt the hint is given up: the scheduled sync reads the referral anyway.
 *
 * @param busyDelay the wait while another sync run holds the slot
 * @param firstBackOff the wait after the first failed attempt
 * @param maxBackOff the longest wait
 * @param maxAttempts failed attempts before giving up
 */
public record HintRetry(Duration busyDelay, Duration firstBackOff, Duration maxBackOff, int maxAttempts) {

    public static final HintRetry DEFAULT =
            new HintRetry(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(5), 6);

    public HintRetry {
        if (busyDelay.isNegative() || firstBackOff.isNegative() || maxBackOff.compareTo(firstBackOff) < 0) {
            throw new IllegalArgumentException("back-offs must be positive, the longest no shorter than the first");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    public Duration backOff(int attempt) {
        Duration wait = firstBackOff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackOff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
    }
}
