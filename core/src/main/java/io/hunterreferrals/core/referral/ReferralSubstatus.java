package io.hunterreferrals.core.referral;

/**
 * The substatus that refines a referral's status. Unrecognised API values map to {@link #UNKNOWN}; see
 * {@link ApiValue}.
 */
public enum ReferralSubstatus implements ApiEnum {
    /** No substatus. */
    NONE("None"),
    /** New and waiting. */
    PENDING("Pending"),
    /** New and received. */
    RECEIVED("Received"),
    /** Active. */
    ACCEPTED("Accepted"),
    /** Closed as won. */
    WON("Won"),
    /** Closed as lost. */
    LOST("Lost"),
    /** Closed as declined. */
    DECLINED("Declined"),
    /** Closed unanswered. */
    EXPIRED("Expired"),
    /** Absent, blank or a value this version does not know. */
    UNKNOWN(null);

    private final String apiName;

    ReferralSubstatus(String apiName) {
        this.apiName = apiName;
    }

    @Override
    public String apiName() {
        return apiName;
    }
}
