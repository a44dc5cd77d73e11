package io.hunterreferrals.core.link;

import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainRejection;
import io.hunterreferrals.core.referral.ReferralId;
import java.util.Objects;

/** What an operator's link, unlink or create-lead request led to. */
public sealed interface LinkOutcome {

    /** The referral is now linked to the company; {@code companyCreated} when create-lead made it. */
    record Linked(ReferralId referral, CompanyId company, Domain domain, boolean companyCreated)
            implements LinkOutcome {
        public Linked {
            Objects.requireNonNull(referral, "referral");
            Objects.requireNonNull(company, "company");
            Objects.requireNonNull(domain, "domain");
        }
    }

    /** The referral is now unlinked, and syncs will keep it so. */
    record Unlinked(ReferralId referral) implements LinkOutcome {
        public Unlinked {
            Objects.requireNonNull(referral, "referral");
        }
    }

    record ReferralNotFound(ReferralId referral) implements LinkOutcome {
        public ReferralNotFound {
            Objects.requireNonNull(referral, "referral");
        }
    }

    /** No lead has that domain; create-lead makes one. */
    record LeadNotFound(Domain domain) implements LinkOutcome {
        public LeadNotFound {
            Objects.requireNonNull(domain, "domain");
        }
    }

    /** The domain given is not usable; {@code message} says why, for the operator. */
    record InvalidDomain(DomainRejection reason, String message) implements LinkOutcome {
        public InvalidDomain {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Create-lead needs a domain and the referral has none; link it to a lead's domain instead. */
    record NoDomain(ReferralId referral) implements LinkOutcome {
        public NoDomain {
            Objects.requireNonNull(referral, "referral");
        }
    }
}
