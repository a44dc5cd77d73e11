package io.hunterreferrals.core.push;

import io.hunterreferrals.core.referral.ReferralId;
import java.util.Optional;

/**
 * Driven port, optional ({@code HUNTER_DYNAMICS_WRITE_BACK}): writes a referral's Dynamics 365 lead id back to the
 * referral in Partner Center ({@code externalReferenceId}), so that a seller there sees which lead it became.
 *
 * <p>UNCONFIRMED: Microsoft's documentation leaves open whether Partner Center lets {@code externalReferenceId} be
 * changed on an existing referral (dataverse.md §8). So every answer, a refusal or an outage included, comes back as a
 * {@link WriteBackResult} to be recorded on the referral; none may end the push.
 */
public interface ReferralWriteBack {

    /**
     * @param referral the referral to change
     * @param eTag the referral's eTag as the last sync stored it, verbatim: sent as {@code If-Match} so that a referral
     *     changed since then is not written over; empty when the sync stored none
     * @param leadId the lead id to store in {@code externalReferenceId}
     * @return what Partner Center did; never throws for anything Partner Center or the network does
     */
    WriteBackResult writeLeadId(ReferralId referral, Optional<String> eTag, String leadId);
}
