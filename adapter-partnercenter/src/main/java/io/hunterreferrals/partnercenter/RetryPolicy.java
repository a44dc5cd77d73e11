package io.hunterreferrals.partnercenter;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Turns {@link RetrySettings} into concrete waits: clamped Retry-After, or jittered exponential backoff. */
final class RetryPolicy {

    private final RetrySettings settings;
    private final RandomGenerator random;

    RetryPolicy(RetrySettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    RetrySettings settings() {
        return settings;
    }

    /**
     * Backoff before retry number {@code retry} (1 for the first retry): {@code initial * 2^(retry-1)}, capped, then
     * "equal jitter" (half fixed, half random) so clients that failed together do not retry together.
     */
    Duration backoff(int retry) {
        long initial = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        long base = initial;
        for (int i = 1; i < retry && base < cap; i++) {
            base *= 2;
        }
        base = Math.min(base, cap);
        long half = base / 2;
        long jitter = half == 0 ? 0 : random.nextLong(half + 1);
        return Duration.ofMillis(base - half + jitter);
    }

    /** The server's Retry-After, kept inside [minRetryAfter, maxRetryAfter]. */
    Duration clampRetryAfter(Duration retryAfter) {
        if (retryAfter.compareTo(settings.minRetryAfter()) < 0) {
            return settings.minRetryAfter();
        }
        return retryAfter.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : retryAfter;
    }
}
