package io.hunterreferrals.dynamics;

import java.time.Duration;

/** What {@link DataverseSetup#apply} has just done, for a progress line. */
public sealed interface SetupProgress {

    record ColumnCreated(String logicalName, String type, int maxLength) implements SetupProgress {}

    record KeyCreated(String schemaName, String column) implements SetupProgress {}

    /** One poll of the key's index job: its status now, and how long the setup has waited for it. */
    record KeyIndexing(KeyIndexStatus status, Duration elapsed) implements SetupProgress {}
}
