package io.hunterreferrals.core.webhook;

import java.util.Objects;

/** What a {@link WebhookReader} made of a call. */
public sealed interface WebhookReading {

    /** A signed event that names a referral. */
    record Hint(ReferralHint hint) implements WebhookReading {
        public Hint {
            Objects.requireNonNull(hint, "hint");
        }
    }

    /**
     * Refused: nothing is queued.
     *
     * @param message for the log and the operator; never the body, a signature or a header's value
     */
    record Rejected(WebhookRejection reason, String message) implements WebhookReading {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
