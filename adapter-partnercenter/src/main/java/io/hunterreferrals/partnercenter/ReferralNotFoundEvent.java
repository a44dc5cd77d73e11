package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.referral.ReferralId;
import java.util.Objects;
import java.util.Optional;

/**
 * A referral a named read asked for that Partner Center answered 404 for (deleted, or no longer visible to the
 * signed-in user); it is left out of the page, and the run goes on.
 *
 * @param requestId Partner Center's request id of the 404, when it sent one
 */
public record ReferralNotFoundEvent(ReferralId referralId, Optional<String> requestId) {

    public ReferralNotFoundEvent {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(requestId, "requestId");
    }
}
