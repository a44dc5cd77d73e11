package io.hunterreferrals.core.sync;

/** Driving port: run one referral sync. */
public interface SyncReferrals {

    /**
     * Runs one sync to completion in the calling thread. Source and store failures end the run as failed with a typed
     * error in the report; they are never swallowed into an empty success.
     */
    SyncOutcome sync(SyncRequest request);
}
