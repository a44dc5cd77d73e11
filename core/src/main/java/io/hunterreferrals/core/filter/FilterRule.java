package io.hunterreferrals.core.filter;

/** The filter rule that made a referral be skipped. */
public enum FilterRule {
    DIRECTION,
    STATUS,
    SUBSTATUS
}
