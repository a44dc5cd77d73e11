package io.hunterreferrals.core.sync;

/** What writing one referral did. */
public enum WriteOutcome {
    CREATED,
    UPDATED,
    /** Its fingerprint had not changed after all (another sync got there first); only {@code synced_at} moved. */
    UNCHANGED
}
