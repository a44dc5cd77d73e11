package io.hunterreferrals.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads {@code Retry-After}: seconds, or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {

    /** A receiver asking for more than a day means "much later": the retry policy's own maximum then applies. */
    private static final Duration LONGEST = Duration.ofDays(1);

    private RetryAfter() {}

    /** Empty when absent or unreadable (the retry policy then backs off); a date in the past is zero. */
    static Optional<Duration> parse(Optional<String> header, Instant now) {
        String value = header.map(String::strip).orElse("");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Optional.of(value.length() > 12 ? LONGEST : min(Duration.ofSeconds(Long.parseLong(value))));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration wait) {
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
