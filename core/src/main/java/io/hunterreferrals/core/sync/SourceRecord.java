package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.referral.RawPayload;
import io.hunterreferrals.core.referral.Referral;
import java.util.Objects;
import java.util.Optional;

/** One referral as a source delivered it: readable, or not, with the reason. */
public sealed interface SourceRecord {

    record Readable(Referral referral) implements SourceRecord {
        public Readable {
            Objects.requireNonNull(referral, "referral");
        }
    }

    /**
     * A referral the source could not map, e.g. without an id or with a timestamp that does not parse.
     *
     * @param referralId its id, when one could be read
     * @param reason a short stable code, e.g. {@code missing_id}, {@code bad_timestamp}
     * @param updatedDateTime its {@code updatedDateTime} as sent (even when it does not parse), when it had one
     * @param payload the referral exactly as sent, for the quarantine
     */
    record Unreadable(Optional<String> referralId, String reason, Optional<String> updatedDateTime, RawPayload payload)
            implements SourceRecord {
        public Unreadable {
            Objects.requireNonNull(referralId, "referralId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(updatedDateTime, "updatedDateTime");
            Objects.requireNonNull(payload, "payload");
        }
    }
}
