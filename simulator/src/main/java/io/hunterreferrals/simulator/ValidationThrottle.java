package io.hunterreferrals.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * "A throttle limit of 2 requests per minute is enforced when posting a test-created event" (pc-webhooks.md §3), as a
 * sliding minute on the simulator's clock, so a test can move past it. Thread-safe.
 */
final class ValidationThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Deque<Instant> granted = new ArrayDeque<>();
    private int perMinute;

    ValidationThrottle(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Empty when the call may go ahead (and counts it); otherwise the seconds to put in Retry-After. */
    synchronized OptionalLong acquire() {
        Instant now = clock.instant();
        while (!granted.isEmpty() && !granted.peekFirst().plus(WINDOW).isAfter(now)) {
            granted.removeFirst();
        }
        if (granted.size() >= perMinute) {
            Duration wait = Duration.between(now, granted.peekFirst().plus(WINDOW));
            return OptionalLong.of(Math.max(1, (wait.toMillis() + 999) / 1000));
        }
        granted.addLast(now);
        return OptionalLong.empty();
    }

    synchronized void limit(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("the limit must be >= 1");
        }
        this.perMinute = perMinute;
    }

    synchronized void reset() {
        granted.clear();
    }
}
