package io.hunterreferrals.core.query;

/** How a lead's referrals are linked to it, summed up. */
public enum LeadLinkStatus {
    /** No referral is linked to the lead. */
    NONE("none"),
    /** All linked referrals were linked by a sync. */
    AUTO_LINKED("auto_linked"),
    /** All linked referrals were linked by an operator. */
    MANUAL_LINKED("manual_linked"),
    /** Some each way. */
    MIXED("mixed");

    private final String code;

    LeadLinkStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
