package io.hunterreferrals.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulator delivers webhook events. Partner Center documents only the 10 attempts (pc-webhooks.md §2); the
 * back-off, the timeout and what counts as success are UNCONFIRMED, so these are the simulator's choices.
 *
 * <pre>{@code
 * PartnerCenterSimulator.builder().webhookSettings(WebhookSettings.defaults().backoff(Duration.ofMillis(5), Duration.ofMillis(20)))
 * }</pre>
 *
 * @param attempts per event, then it is dropped ("moved into an offline queue"); default 10
 * @param initialBackoff wait after the first failed attempt, doubling after each further one; default 0.5 s
 * @param maxBackoff the cap of that wait; default 5 s
 * @param timeout per attempt, connect plus response; default 10 s
 * @param validationEventsPerMinute the throttle on {@code POST validationEvents}; default 2, as documented
 */
public record WebhookSettings(
        int attempts, Duration initialBackoff, Duration maxBackoff, Duration timeout, int validationEventsPerMinute) {

    public WebhookSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 ms");
        }
        if (validationEventsPerMinute < 1) {
            throw new IllegalArgumentException("validationEventsPerMinute must be >= 1");
        }
    }

    public static WebhookSettings defaults() {
        return new WebhookSettings(10, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(10), 2);
    }

    public WebhookSettings attempts(int count) {
        return new WebhookSettings(count, initialBackoff, maxBackoff, timeout, validationEventsPerMinute);
    }

    public WebhookSettings backoff(Duration initial, Duration max) {
        return new WebhookSettings(
                attempts,
                Objects.requireNonNull(initial),
                Objects.requireNonNull(max),
                timeout,
                validationEventsPerMinute);
    }

    public WebhookSettings timeout(Duration perAttempt) {
        return new WebhookSettings(
                attempts, initialBackoff, maxBackoff, Objects.requireNonNull(perAttempt), validationEventsPerMinute);
    }

    public WebhookSettings validationEventsPerMinute(int limit) {
        return new WebhookSettings(attempts, initialBackoff, maxBackoff, timeout, limit);
    }

    /** The wait after failed attempt {@code n} (1-based). */
    Duration backoffAfter(int n) {
        long millis = initialBackoff.toMillis();
        for (int i = 1; i < n && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
