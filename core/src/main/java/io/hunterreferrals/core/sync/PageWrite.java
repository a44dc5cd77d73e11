package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page's writes, applied atomically.
 *
 * @param runId the sync run writing the page, recorded as each referral's last sync run
 * @param changed referrals to insert or update
 * @param unchanged referrals fetched again without change: only their {@code synced_at} moves
 * @param failed referrals that failed on their content, to quarantine (or count as seen again there)
 * @param syncedAt the time to record as {@code synced_at} (and {@code changed_at} for changed ones)
 * @param watermark the watermark to advance to in the same transaction, if any; it never moves backwards
 * @param announce whether to write the page's referral events to the outbox in the same transaction
 *     ({@link io.hunterreferrals.core.notify.ReferralEvents#forSyncWrite}); the first sync of an empty database does
 *     not, since its referrals are history, not news
 */
public record PageWrite(
        SyncRunId runId,
        List<ReferralRecord> changed,
        List<ReferralId> unchanged,
        List<FailedReferral> failed,
        Instant syncedAt,
        Optional<Instant> watermark,
        boolean announce) {

    /** A page whose events are not written (a store used on its own, a benchmark). */
    public PageWrite(
            SyncRunId runId,
            List<ReferralRecord> changed,
            List<ReferralId> unchanged,
            List<FailedReferral> failed,
            Instant syncedAt,
            Optional<Instant> watermark) {
        this(runId, changed, unchanged, failed, syncedAt, watermark, false);
    }

    public PageWrite {
        Objects.requireNonNull(runId, "runId");
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        failed = List.copyOf(failed);
        Objects.requireNonNull(syncedAt, "syncedAt");
        Objects.requireNonNull(watermark, "watermark");
    }
}
