package io.hunterreferrals.dynamics;

import java.time.Duration;
import java.util.List;

/** How {@link DataverseSetup#apply} ended. Every case but {@link Ready} says what to do next. */
public sealed interface SetupOutcome {

    SetupCheck check();

    /** Columns and key in place, the key Active: the push can run. */
    record Ready(SetupCheck check, List<String> created) implements SetupOutcome {
        public Ready {
            created = List.copyOf(created);
        }
    }

    /** The key's index job is still running when the wait ended; running the setup again resumes the wait. */
    record StillIndexing(SetupCheck check, KeyIndexStatus status, Duration waited, String advice)
            implements SetupOutcome {}

    /**
     * The key's index failed to build.
     *
     * @param duplicates referral ids held by more than one lead, with those leads' ids (the usual cause)
     * @param fix what to do, step by step
     */
    record KeyFailed(SetupCheck check, List<DuplicateKeyValue> duplicates, String fix) implements SetupOutcome {
        public KeyFailed {
            duplicates = List.copyOf(duplicates);
        }
    }

    /** A column exists with the wrong type: the setup changes nothing and says which. */
    record Blocked(SetupCheck check, String fix) implements SetupOutcome {}

    /** One value of the key column that more than one lead holds. */
    record DuplicateKeyValue(String value, List<String> leadIds) {
        public DuplicateKeyValue {
            leadIds = List.copyOf(leadIds);
        }
    }
}
