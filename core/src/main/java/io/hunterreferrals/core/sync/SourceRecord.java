package io.hunterreferrals.core.sync;

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
     * @param reason     a short stable code, e.g. {@code missing_id}, {@code bad_timestamp}
     */
    record Unreadable(Optional<String> referralId, String reason) implements SourceRecord {
        public Unreadable {
            Objects.requireNonNull(referralId, "referralId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
