package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Driven port: where synced referrals and the sync watermark live. */
public interface ReferralStore {

    /** The stored fingerprints of those of {@code ids} that are stored. */
    Map<ReferralId, ContentHash> fingerprints(Collection<ReferralId> ids);

    /**
     * Applies one page atomically: all of it or none of it, watermark and quarantine included. Upserting is idempotent
     * by referral id. A referral whose link status is an operator's decision keeps its link; otherwise the record's
     * proposed link is stored. A record whose fingerprint equals the stored one only moves {@code synced_at}. Each
     * failed referral is quarantined under its {@link FailedReferral#key()} (met again: its last run, position, payload
     * and reason are replaced and its count goes up); a referral that stores (changed or unchanged) leaves the
     * quarantine.
     *
     * @return the outcome for every changed record
     */
    Map<ReferralId, WriteOutcome> writePage(PageWrite write);

    /**
     * Ends the quarantine of every referral that {@code completedFullRun}, a full run that read every page, did not
     * meet failing: Partner Center no longer has it as it was (deleted, or fixed under another key).
     *
     * @return how many left the quarantine
     */
    int forgetFailuresNotMetIn(SyncRunId completedFullRun);

    /** The highest {@code updatedDateTime} that a sync has stored, if any. */
    Optional<Instant> watermark();

    /**
     * Records an operator's link decision for a stored referral.
     *
     * @return {@code false} when no referral has that id
     */
    boolean recordOperatorLink(ReferralId id, OperatorLink link);
}
