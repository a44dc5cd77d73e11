package io.hunterreferrals.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Instants in core, {@code timestamptz} as {@link OffsetDateTime} in jOOQ. */
final class Times {

    private Times() {}

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime odt(Optional<Instant> instant) {
        return instant.map(Times::odt).orElse(null);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static Optional<Instant> optional(OffsetDateTime time) {
        return Optional.ofNullable(instant(time));
    }
}
