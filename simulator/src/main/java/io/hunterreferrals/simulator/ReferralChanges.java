package io.hunterreferrals.simulator;

import java.util.function.Supplier;

/** What {@link SimulatedReferrals} tells about each change: the webhook side turns it into an event. */
@FunctionalInterface
interface ReferralChanges {

    ReferralChanges NONE = (id, created, updatedDateTime) -> {};

    /**
     * @param created the id was not in the store before
     * @param updatedDateTime the referral's updatedDateTime after the change (may be null for a malformed one); read it
     *     before returning, as the lock is held only until then
     */
    void changed(String id, boolean created, Supplier<String> updatedDateTime);
}
