/**
 * Which kind of referral it is (co-sell, marketplace, solution-provider): rule pc-v1 and the classification it yields,
 * with the rule id that decided.
 */
package io.hunterreferrals.core.classification;
