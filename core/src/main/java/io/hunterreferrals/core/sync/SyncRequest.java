package io.hunterreferrals.core.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * What to sync.
 *
 * @param trigger who asked for it
 * @param mode incremental or full
 * @param dryRun compute the report without writing referrals, companies or the watermark
 * @param queuedRun the id to run under: a run recorded as queued when the request was accepted, or an id the caller
 *     chose so it can log it before the run starts; when empty the sync picks one
 */
public record SyncRequest(SyncTrigger trigger, SyncMode mode, boolean dryRun, Optional<SyncRunId> queuedRun) {

    public SyncRequest {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(queuedRun, "queuedRun");
    }

    public static SyncRequest of(SyncTrigger trigger, SyncMode mode) {
        return new SyncRequest(trigger, mode, false, Optional.empty());
    }

    public SyncRequest asDryRun() {
        return new SyncRequest(trigger, mode, true, queuedRun);
    }

    public SyncRequest forQueuedRun(SyncRunId runId) {
        return new SyncRequest(trigger, mode, dryRun, Optional.of(runId));
    }
}
