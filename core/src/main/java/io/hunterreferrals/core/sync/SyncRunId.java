package io.hunterreferrals.core.sync;

import java.util.Objects;
import java.util.UUID;

/** The id of one sync run: the "task id" operators see in the API, the logs and {@code sync_runs}. */
public record SyncRunId(UUID value) {

    public SyncRunId {
        Objects.requireNonNull(value, "value");
    }

    public static SyncRunId random() {
        return new SyncRunId(UUID.randomUUID());
    }

    /** Parses a task id as operators type it. */
    public static SyncRunId parse(String text) {
        try {
            return new SyncRunId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("A task id is a UUID such as 3f2b8c1e-0d4a-4c7e-9b1a-2f6d8e9c0a11", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
