package io.hunterreferrals.dynamics;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What is left of the {@link DataverseRetrySettings} of one request: each failed attempt asks for the wait before the
 * next one, and gets none once the attempts or the total wait would run out. Not thread-safe; one per request.
 */
final class RetryBudget {

    private final DataverseRetrySettings settings;
    private final RandomGenerator random;
    private int attempts = 1;
    private int backoffs;
    private Duration waited = Duration.ZERO;

    RetryBudget(DataverseRetrySettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * The wait before the next attempt: the server's {@code Retry-After} (clamped) when it gave one, else an
     * exponential backoff with "equal jitter" (half fixed, half random, so clients that failed together do not retry
     * together).
     *
     * @return empty when the budget is spent: give up
     */
    Optional<Duration> nextWait(Optional<Duration> retryAfter) {
        Duration wait = retryAfter.map(this::clamp).orElseGet(() -> backoff(++backoffs));
        if (attempts >= settings.maxAttempts() || waited.plus(wait).compareTo(settings.maxTotalWait()) > 0) {
            return Optional.empty();
        }
        attempts++;
        waited = waited.plus(wait);
        return Optional.of(wait);
    }

    /** Calls made so far, including the first. */
    int attempts() {
        return attempts;
    }

    Duration waited() {
        return waited;
    }

    private Duration clamp(Duration retryAfter) {
        if (retryAfter.compareTo(settings.minRetryAfter()) < 0) {
            return settings.minRetryAfter();
        }
        return retryAfter.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : retryAfter;
    }

    private Duration backoff(int n) {
        long cap = settings.maxBackoff().toMillis();
        long base = Math.min(settings.initialBackoff().toMillis(), cap);
        for (int i = 1; i < n && base < cap; i++) {
            base = Math.min(base * 2, cap);
        }
        long half = base / 2;
        return Duration.ofMillis(base - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
