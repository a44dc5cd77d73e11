package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.Objects;
import java.util.Optional;

/** What a sync did with one referral; carries ids and codes only, never personal data. */
public sealed interface ReferralOutcome {

    record Stored(
            ReferralId id,
            WriteOutcome write,
            ReferralCategory category,
            Optional<Domain> domain,
            LinkStatus proposedLink)
            implements ReferralOutcome {
        public Stored {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(write, "write");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(proposedLink, "proposedLink");
        }
    }

    record Skipped(ReferralId id, SkipReason reason) implements ReferralOutcome {
        public Skipped {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Failed(Optional<String> referralId, String reason) implements ReferralOutcome {
        public Failed {
            Objects.requireNonNull(referralId, "referralId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
