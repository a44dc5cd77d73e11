package io.hunterreferrals.dynamics;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code EntityKeyIndexStatus}: the state of the asynchronous job that builds an alternate key's index (dataverse.md
 * §3). Only an {@link #ACTIVE} key can be used in an upsert URL.
 */
public enum KeyIndexStatus {
    PENDING,
    IN_PROGRESS,
    ACTIVE,
    /** The index could not be built, usually over duplicate values in the key column. */
    FAILED;

    /** The Web API returns the names ({@code InProgress}); the numbers 0–3 are read too. */
    static Optional<KeyIndexStatus> fromWebApi(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "pending", "0" -> Optional.of(PENDING);
            case "inprogress", "1" -> Optional.of(IN_PROGRESS);
            case "active", "2" -> Optional.of(ACTIVE);
            case "failed", "3" -> Optional.of(FAILED);
            default -> Optional.empty();
        };
    }
}
