package io.hunterreferrals.core.sync;

import java.util.Objects;

/** What asking for a sync led to. */
public sealed interface SyncOutcome {

    /** The run happened (it may still have failed; see {@link SyncReport#status()}). */
    record Ran(SyncReport report) implements SyncOutcome {
        public Ran {
            Objects.requireNonNull(report, "report");
        }
    }

    /** Another run was in progress, so this one did not start. */
    record Busy(SyncRunId activeRun) implements SyncOutcome {
        public Busy {
            Objects.requireNonNull(activeRun, "activeRun");
        }
    }
}
