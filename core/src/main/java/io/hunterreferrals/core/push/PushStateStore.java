package io.hunterreferrals.core.push;

import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the stored referrals the push reads, and the push state it keeps for each (PostgreSQL, or in memory).
 * Every outcome is recorded with the {@link PushCandidate#storedHash()} it was made from.
 */
public interface PushStateStore {

    /**
     * Referrals the filter accepts that may need a push, in referral-id order after {@code after}: never pushed, failed
     * last time, stored with another content hash than the one their state was recorded from (the sync changed them),
     * or recorded with another {@link LeadMapping#VERSION}. One whose lead values turn out equal is then skipped by the
     * push and {@link #recordChecked}.
     */
    List<PushCandidate> due(PushFilter filter, int mappingVersion, Optional<ReferralId> after, int limit);

    /** One stored referral, due or not. */
    Optional<PushCandidate> find(ReferralId id);

    /**
     * The destination holds {@code leadHash}'s values in lead {@code leadId}: attempts go back to 0. A write-back
     * outcome is kept when the lead id is the one it was made for, and dropped when the lead is another one.
     */
    void recordPushed(PushCandidate candidate, String leadId, ContentHash leadHash, int mappingVersion, Instant at);

    /**
     * The destination refused the lead: attempts go up by one (or start at 1 when the lead values differ from the last
     * attempt's), with the reason. A lead id from an earlier success is kept.
     */
    void recordFailed(
            PushCandidate candidate, ContentHash leadHash, int mappingVersion, String code, String message, Instant at);

    /**
     * Referrals the filter accepts whose lead id is still to be written back to Partner Center, in referral-id order
     * after {@code after}: pushed, with a lead id that is not the referral's stored {@code externalReferenceId}, and no
     * write-back outcome for that lead or a {@link WriteBackState.WriteBackStatus#FAILED} one. A written or refused
     * write-back is never due here, so an unchanged referral causes no second call to Partner Center.
     */
    List<PushCandidate> writeBackDue(PushFilter filter, Optional<ReferralId> after, int limit);

    /** What the write-back of the referral's current lead id did; the referral has a push state (it was pushed). */
    void recordWriteBack(PushCandidate candidate, WriteBackState outcome);

    /** Looked at and found equal to the last attempt: not due again until the sync changes them. */
    void recordChecked(List<PushCandidate> candidates, Instant at);

    /**
     * Forgets every push state: the destination was replaced (another environment, or the demo's fresh simulator), so
     * every referral is due again and its lead is created there. The referrals themselves are kept.
     */
    void forgetAll();
}
