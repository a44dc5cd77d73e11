package io.hunterreferrals.dynamics;

import java.time.Duration;
import java.util.Objects;

/**
 * The retry budget of one Dataverse request (a {@code $batch}, a currency look-up, a metadata call): 429 waits what
 * {@code Retry-After} asks, 5xx, timeouts and connection failures back off exponentially, and both count against the
 * same budget, after which the request fails with a typed error.
 *
 * @param maxAttempts calls including the first, at least 1
 * @param maxTotalWait the most time spent waiting between the calls of one request
 * @param initialBackoff the first wait after a 5xx or a network failure; doubled per retry, with jitter
 * @param maxBackoff the longest one backoff may be
 * @param minRetryAfter a {@code Retry-After} below this is raised to it (0 would hammer a throttled server)
 * @param maxRetryAfter a {@code Retry-After} above this is lowered to it, so a bogus header cannot park a push for
 *     hours; Dataverse lengthens it under persistent load (dataverse.md §6), so it is generous
 */
public record DataverseRetrySettings(
        int maxAttempts,
        Duration maxTotalWait,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration minRetryAfter,
        Duration maxRetryAfter) {

    public static final DataverseRetrySettings DEFAULTS = new DataverseRetrySettings(
            6,
            Duration.ofMinutes(10),
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            Duration.ofSeconds(1),
            Duration.ofMinutes(5));

    public DataverseRetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        for (Duration d : new Duration[] {maxTotalWait, initialBackoff, maxBackoff, minRetryAfter, maxRetryAfter}) {
            Objects.requireNonNull(d, "durations must not be null");
            if (d.isNegative()) {
                throw new IllegalArgumentException("retry durations must not be negative");
            }
        }
        if (minRetryAfter.compareTo(maxRetryAfter) > 0) {
            throw new IllegalArgumentException("minRetryAfter must not exceed maxRetryAfter");
        }
    }

    public DataverseRetrySettings withMaxAttempts(int value) {
        return new DataverseRetrySettings(
                value, maxTotalWait, initialBackoff, maxBackoff, minRetryAfter, maxRetryAfter);
    }

    public DataverseRetrySettings withMaxTotalWait(Duration value) {
        return new DataverseRetrySettings(maxAttempts, value, initialBackoff, maxBackoff, minRetryAfter, maxRetryAfter);
    }

    public DataverseRetrySettings withBackoff(Duration initial, Duration max) {
        return new DataverseRetrySettings(maxAttempts, maxTotalWait, initial, max, minRetryAfter, maxRetryAfter);
    }
}
