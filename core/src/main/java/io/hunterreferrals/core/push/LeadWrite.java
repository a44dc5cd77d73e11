package io.hunterreferrals.core.push;

import io.hunterreferrals.core.referral.ReferralId;
import java.util.Objects;
import java.util.Optional;

/** What the destination did with one lead of a batch. */
public sealed interface LeadWrite {

    ReferralId referralId();

    /** A new lead was made. */
    record Created(ReferralId referralId, String leadId) implements LeadWrite {
        public Created {
            Objects.requireNonNull(referralId, "referralId");
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    /** The referral's lead now holds the values. */
    record Updated(ReferralId referralId, String leadId) implements LeadWrite {
        public Updated {
            Objects.requireNonNull(referralId, "referralId");
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    /**
     * The destination refused this lead (a value it does not accept, a duplicate rule, a plug-in); the others go on.
     *
     * @param code a short stable reason, e.g. {@code invalid_value} or {@code duplicate_detected}
     * @param message the CRM's message, without personal data
     * @param requestId the CRM's request id, if it gave one
     */
    record Rejected(ReferralId referralId, String code, String message, Optional<String> requestId)
            implements LeadWrite {
        public Rejected {
            Objects.requireNonNull(referralId, "referralId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(requestId, "requestId");
        }
    }
}
