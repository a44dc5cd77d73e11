package io.hunterreferrals.core.sync;

import java.util.Objects;

/** The answer to a request to queue or start a run: runs never overlap. */
public sealed interface RunClaim {

    Claimed CLAIMED = new Claimed();

    record Claimed() implements RunClaim {}

    /** Another run is queued or running. */
    record Busy(SyncRunId activeRun) implements RunClaim {
        public Busy {
            Objects.requireNonNull(activeRun, "activeRun");
        }
    }
}
