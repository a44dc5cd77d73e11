package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.referral.ReferralId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to sync.
 *
 * @param trigger who asked for it
 * @param mode incremental, full, or only the named referrals
 * @param dryRun compute the report without writing referrals, companies or the watermark
 * @param queuedRun the id to run under: a run recorded as queued when the request was accepted, or an id the caller
 *     chose so it can log it before the run starts; when empty the sync picks one
 * @param referrals the referrals to read, exactly when the mode is {@link SyncMode#REFERRALS}
 */
public record SyncRequest(
        SyncTrigger trigger, SyncMode mode, boolean dryRun, Optional<SyncRunId> queuedRun, List<ReferralId> referrals) {

    /** The most referrals one referral run reads (each is one request to Partner Center). */
    public static final int MAX_REFERRALS = 100;

    public SyncRequest {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(queuedRun, "queuedRun");
        referrals = List.copyOf(referrals);
        if ((mode == SyncMode.REFERRALS) == referrals.isEmpty()) {
            throw new IllegalArgumentException("A referrals run names its referrals, and only a referrals run does");
        }
        if (referrals.size() > MAX_REFERRALS) {
            throw new IllegalArgumentException("A referrals run reads at most " + MAX_REFERRALS + " referrals");
        }
    }

    public SyncRequest(SyncTrigger trigger, SyncMode mode, boolean dryRun, Optional<SyncRunId> queuedRun) {
        this(trigger, mode, dryRun, queuedRun, List.of());
    }

    public static SyncRequest of(SyncTrigger trigger, SyncMode mode) {
        return new SyncRequest(trigger, mode, false, Optional.empty());
    }

    /** A run that reads only {@code referrals}, one by one, and leaves the watermark where it is. */
    public static SyncRequest referrals(SyncTrigger trigger, List<ReferralId> referrals) {
        return new SyncRequest(trigger, SyncMode.REFERRALS, false, Optional.empty(), referrals);
    }

    public SyncRequest asDryRun() {
        return new SyncRequest(trigger, mode, true, queuedRun, referrals);
    }

    public SyncRequest forQueuedRun(SyncRunId runId) {
        return new SyncRequest(trigger, mode, dryRun, Optional.of(runId), referrals);
    }
}
