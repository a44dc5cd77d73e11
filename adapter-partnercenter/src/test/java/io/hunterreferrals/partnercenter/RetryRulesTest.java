package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Backoff, Retry-After parsing and clamping, and error-body parsing. */
class RetryRulesTest {

    private final RetrySettings settings = RetrySettings.DEFAULTS;

    @Test
    void backoffDoublesWithJitterAndIsCapped() {
        RetryPolicy policy = new RetryPolicy(settings, RandomGenerator.of("L64X128MixRandom"));
        for (int i = 0; i < 50; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(policy.backoff(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(policy.backoff(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(policy.backoff(30)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }

    @Test
    void retryAfterIsClamped() {
        RetryPolicy policy = new RetryPolicy(settings, RandomGenerator.getDefault());
        assertThat(policy.clampRetryAfter(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.clampRetryAfter(Duration.ofSeconds(57))).isEqualTo(Duration.ofSeconds(57));
        assertThat(policy.clampRetryAfter(Duration.ofHours(2))).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void retryAfterParsesSecondsAndHttpDates() {
        Instant now = Instant.parse("2025-01-01T10:00:00Z");
        assertThat(RetryAfterHeader.parse(Optional.of("57"), now)).hasValue(Duration.ofSeconds(57));
        assertThat(RetryAfterHeader.parse(Optional.of("Wed, 01 Jan 2025 10:00:30 GMT"), now))
                .hasValue(Duration.ofSeconds(30));
        assertThat(RetryAfterHeader.parse(Optional.of("Wed, 01 Jan 2025 09:00:00 GMT"), now))
                .hasValue(Duration.ZERO);
        assertThat(RetryAfterHeader.parse(Optional.of("soon"), now)).isEmpty();
        assertThat(RetryAfterHeader.parse(Optional.empty(), now)).isEmpty();
    }

    @Test
    void bothErrorBodyShapesAndNonJsonAreRead() {
        assertThat(ErrorBody.parse("{\"error\":{\"code\":\"accessDenied\",\"message\":\"No role\"}}"))
                .isEqualTo(new ErrorBody("accessDenied", "No role"));
        assertThat(ErrorBody.parse(
                        "{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 57 seconds.\"}"))
                .isEqualTo(new ErrorBody(null, "Rate limit is exceeded. Try again in 57 seconds."));
        assertThat(ErrorBody.parse("<html>Bad gateway</html>")).isEqualTo(ErrorBody.NONE);
        assertThat(ErrorBody.parse("")).isEqualTo(ErrorBody.NONE);
        assertThat(ErrorBody.parse("{\"error\":{\"code\":\"x\",\"message\":\"" + "m".repeat(500) + "\"}}")
                        .message())
                .hasSizeLessThan(210);
    }
}
