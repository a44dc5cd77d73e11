package io.hunterreferrals.partnercenter;

import java.time.Duration;
import java.util.Objects;

/**
 * The retry budget of one Referrals API request (one page). Every retry counts against both limits, so a persistent
 * failure ends in a typed error after at most {@code maxAttempts} calls and {@code maxTotalWait} of sleeping.
 *
 * @param maxAttempts calls per page including the first, at least 1
 * @param maxTotalWait the most time spent sleeping between the calls for one page
 * @param initialBackoff the first backoff for 5xx and network errors; doubled per retry, with jitter
 * @param maxBackoff cap of one backoff
 * @param minRetryAfter a server's Retry-After below this is raised to it (0 would mean an immediate retry, which
 *     Microsoft's throttling guidance asks us to avoid)
 * @param maxRetryAfter a server's Retry-After above this is lowered to it, so a bogus header cannot park a sync for
 *     hours
 */
public record RetrySettings(
        int maxAttempts,
        Duration maxTotalWait,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration minRetryAfter,
        Duration maxRetryAfter) {

    public static final RetrySettings DEFAULTS = new RetrySettings(
            5,
            Duration.ofMinutes(5),
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            Duration.ofSeconds(1),
            Duration.ofSeconds(120));

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        requireNotNegative(maxTotalWait, "maxTotalWait");
        requireNotNegative(initialBackoff, "initialBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(minRetryAfter, "minRetryAfter");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        if (minRetryAfter.compareTo(maxRetryAfter) > 0) {
            throw new IllegalArgumentException("minRetryAfter must not exceed maxRetryAfter");
        }
    }

    public RetrySettings withMaxAttempts(int value) {
        return new RetrySettings(value, maxTotalWait, initialBackoff, maxBackoff, minRetryAfter, maxRetryAfter);
    }

    public RetrySettings withMaxTotalWait(Duration value) {
        return new RetrySettings(maxAttempts, value, initialBackoff, maxBackoff, minRetryAfter, maxRetryAfter);
    }

    public RetrySettings withBackoff(Duration initial, Duration max) {
        return new RetrySettings(maxAttempts, maxTotalWait, initial, max, minRetryAfter, maxRetryAfter);
    }

    /** The clamp applied to a server's Retry-After. */
    public RetrySettings withRetryAfterClamp(Duration min, Duration max) {
        return new RetrySettings(maxAttempts, maxTotalWait, initialBackoff, maxBackoff, min, max);
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
