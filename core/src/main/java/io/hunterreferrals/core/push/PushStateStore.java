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

    /** The destination holds {@code leadHash}'s values in lead {@code leadId}: attempts go back to 0. */
    void recordPushed(PushCandidate candidate, String leadId, ContentHash leadHash, int mappingVersion, Instant at);

    /**
     * The destination refused the lead: attempts go up by one (or start at 1 when the lead values differ from the last
     * attempt's), with the reason. A lead id from an earlier success is kept.
     */
    void recordFailed(
            PushCandidate candidate, ContentHash leadHash, int mappingVersion, String code, String message, Instant at);

    /** Looked at and found equal to the last attempt: not due again until the sync changes them. */
    void recordChecked(List<PushCandidate> candidates, Instant at);

    /**
     * Forgets every push state: the destination was replaced (another environment, or the demo's fresh simulator), so
     * every referral is due again and its lead is created there. The referrals themselves are kept.
     */
    void forgetAll();
}
