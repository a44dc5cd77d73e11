package io.hunterreferrals.dynamics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code Retry-After}. Dataverse sends seconds (dataverse.md §6); an HTTP-date (RFC 9110 §10.2.3) is read too,
 * since a gateway in front of it may send one.
 */
final class RetryAfter {

    private RetryAfter() {}

    /** Empty when absent or unreadable (the caller then backs off); a date in the past is zero. */
    static Optional<Duration> parse(Optional<String> header, Instant now) {
        String value = header.map(String::strip).orElse("");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.chars().allMatch(Character::isDigit)) {
            // More digits than a long is absurd; a day lets the settings' maximum apply.
            return Optional.of(value.length() > 12 ? Duration.ofDays(1) : Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration d = Duration.between(
                    now,
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
