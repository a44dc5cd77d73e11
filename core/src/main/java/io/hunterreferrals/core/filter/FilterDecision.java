package io.hunterreferrals.core.filter;

import java.util.Objects;

/** Whether a referral the store does not hold yet should be taken in. */
public sealed interface FilterDecision {

    Accept ACCEPT = new Accept();

    record Accept() implements FilterDecision {}

    /** Skipped because of {@code rule}. */
    record Skip(FilterRule rule) implements FilterDecision {
        public Skip {
            Objects.requireNonNull(rule, "rule");
        }
    }
}
