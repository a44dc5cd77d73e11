package io.hunterreferrals.core.webhook;

import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.Objects;

/**
 * What one webhook call says: this referral changed at this time. The three together are the call's identity, since
 * Partner Center sends no event id; a call met twice (a retry, a replay) is the same hint.
 *
 * @param event the event's name
 * @param referralId the last path segment of the call's {@code ResourceUri} (its host is never called)
 * @param changedAt the call's {@code ResourceChangeUtcDate}
 */
public record ReferralHint(HintEvent event, ReferralId referralId, Instant changedAt) {

    public ReferralHint {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
