package io.hunterreferrals.core.classification;

import io.hunterreferrals.core.referral.Referral;

/** A versioned, deterministic rule set that assigns a {@link ReferralCategory} to a referral. */
public interface ClassificationRule {

    /** The rule set's version, stored with every result. */
    String version();

    Classification classify(Referral referral);
}
