package io.hunterreferrals.core.classification;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of classifying one referral, with the rule that decided it, so that stored rows can be re-evaluated when
 * the rule set changes.
 *
 * @param category the category
 * @param ruleSet the rule set's version, e.g. {@code pc-v1}
 * @param rule the number of the rule that decided, within the rule set
 * @param subCategory a finer label the category folds in (e.g. {@code qualified-lead}), if any
 */
public record Classification(ReferralCategory category, String ruleSet, int rule, Optional<String> subCategory) {

    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(subCategory, "subCategory");
        if (rule < 1) {
            throw new IllegalArgumentException("rule numbers start at 1");
        }
    }

    /** The rule's stable identifier as stored, e.g. {@code pc-v1/3}. */
    public String ruleId() {
        return ruleSet + "/" + rule;
    }
}
