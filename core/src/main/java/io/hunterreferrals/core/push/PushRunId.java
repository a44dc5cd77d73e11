package io.hunterreferrals.core.push;

import java.util.Objects;
import java.util.UUID;

/** Identifies one push run, in its log events, its record and the API. */
public record PushRunId(UUID value) {

    public PushRunId {
        Objects.requireNonNull(value, "value");
    }

    public static PushRunId random() {
        return new PushRunId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
