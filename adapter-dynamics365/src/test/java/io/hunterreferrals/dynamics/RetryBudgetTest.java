package io.hunterreferrals.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    private static final DataverseRetrySettings SETTINGS = new DataverseRetrySettings(
            4,
            Duration.ofSeconds(100),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            Duration.ofSeconds(60));

    @Test
    void backoffDoublesWithJitterUpToItsCapAndStopsAfterTheAttempts() {
        RetryBudget budget = new RetryBudget(SETTINGS, new SplittableRandom(1));

        Duration first = budget.nextWait(Optional.empty()).orElseThrow();
        Duration second = budget.nextWait(Optional.empty()).orElseThrow();
        Duration third = budget.nextWait(Optional.empty()).orElseThrow();

        assertThat(first).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(second).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(third).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(budget.attempts()).isEqualTo(4);
        assertThat(budget.nextWait(Optional.empty())).isEmpty();
    }

    @Test
    void retryAfterIsHonouredWithinItsClampAndTheTotalWait() {
        RetryBudget budget = new RetryBudget(SETTINGS, new SplittableRandom(1));

        assertThat(budget.nextWait(Optional.of(Duration.ZERO))).contains(Duration.ofSeconds(1));
        assertThat(budget.nextWait(Optional.of(Duration.ofSeconds(45)))).contains(Duration.ofSeconds(45));
        // 1 + 45 + 60 would pass the 100 s total
        assertThat(budget.nextWait(Optional.of(Duration.ofHours(3)))).isEmpty();
        assertThat(budget.waited()).isEqualTo(Duration.ofSeconds(46));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        assertThat(RetryAfter.parse(Optional.of(" 7 "), now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(Optional.of("Mon, 02 Mar 2026 09:00:30 GMT"), now))
                .contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Optional.of("Mon, 02 Mar 2026 08:00:00 GMT"), now))
                .contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), now)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), now)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("99999999999999999999"), now)).contains(Duration.ofDays(1));
    }
}
