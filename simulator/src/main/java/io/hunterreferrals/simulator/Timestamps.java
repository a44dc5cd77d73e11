package io.hunterreferrals.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The Partner Center timestamp shape: UTC with exactly seven fractional digits, e.g. 2024-05-02T10:11:12.1234567Z. */
final class Timestamps {

    private static final DateTimeFormatter SEVEN_DIGITS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String format(Instant instant) {
        // .NET ticks are 100 ns, so the real API never shows finer digits.
        Instant ticks = instant.truncatedTo(ChronoUnit.MICROS).plusNanos((instant.getNano() % 1000) / 100 * 100);
        return SEVEN_DIGITS.format(ticks);
    }

    /** Lenient parse: any ISO-8601 instant or offset date-time; empty when the text is missing or malformed. */
    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
