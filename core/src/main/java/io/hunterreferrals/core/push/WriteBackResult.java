package io.hunterreferrals.core.push;

import java.util.Objects;
import java.util.Optional;

/** What Partner Center did with one write-back of a lead id ({@link ReferralWriteBack}). */
public sealed interface WriteBackResult {

    /**
     * Partner Center took the lead id.
     *
     * @param requestId Partner Center's request id, if it gave one
     */
    record Written(Optional<String> requestId) implements WriteBackResult {
        public Written {
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * Partner Center answered no for this referral (a 4xx); the other referrals go on.
     *
     * @param code Partner Center's error code (e.g. {@code invalidRequest}, {@code accessDenied}), or a code of ours
     * @param message what happened and what to do, without personal data
     * @param requestId Partner Center's request id, if it gave one
     * @param retryable the no says nothing about the referral itself, only that it changed since the last sync
     *     ({@code 412 preconditionFailed}): the next push tries again, with the eTag the next sync stores
     */
    record Refused(String code, String message, Optional<String> requestId, boolean retryable)
            implements WriteBackResult {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * Partner Center could not be asked: no usable sign-in, the network, or throttling or an outage past the retry
     * budget. The rest of the push writes back no more (each would fail the same way, after the same waits); the next
     * push tries again.
     */
    record Unavailable(String code, String message, Optional<String> requestId) implements WriteBackResult {
        public Unavailable {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(requestId, "requestId");
        }
    }
}
