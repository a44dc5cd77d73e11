package io.hunterreferrals.core.company;

import java.util.Objects;

/** An operator's decision about a referral's company; a sync never overrides it. */
public sealed interface OperatorLink {

    LinkStatus status();

    /** Link the referral to this company. */
    record LinkTo(CompanyId company) implements OperatorLink {
        public LinkTo {
            Objects.requireNonNull(company, "company");
        }

        @Override
        public LinkStatus status() {
            return LinkStatus.MANUAL_LINKED;
        }
    }

    /** Keep the referral unlinked, even when its domain matches a company. */
    record Unlink() implements OperatorLink {
        @Override
        public LinkStatus status() {
            return LinkStatus.MANUAL_UNLINKED;
        }
    }
}
