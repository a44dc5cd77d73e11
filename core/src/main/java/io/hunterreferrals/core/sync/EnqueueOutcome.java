package io.hunterreferrals.core.sync;

import java.util.Objects;

/** The answer to a request for a sync. */
public sealed interface EnqueueOutcome {

    SyncRunId runId();

    /** A new run was queued under {@code runId}. */
    record Enqueued(SyncRunId runId) implements EnqueueOutcome {
        public Enqueued {
            Objects.requireNonNull(runId, "runId");
        }
    }

    /** A run was already queued or running; {@code runId} is that run, and no other was queued. */
    record AlreadyActive(SyncRunId runId) implements EnqueueOutcome {
        public AlreadyActive {
            Objects.requireNonNull(runId, "runId");
        }
    }
}
