package io.hunterreferrals.core.referral;

/** The lifecycle status of a referral. Unrecognised API values map to {@link #UNKNOWN}; see {@link ApiValue}. */
public enum ReferralStatus implements ApiEnum {
    /** No status. */
    NONE("None"),
    /** Not yet accepted. */
    NEW("New"),
    /** Accepted and being worked. */
    ACTIVE("Active"),
    /** Won, lost, declined or expired. */
    CLOSED("Closed"),
    /** Absent, blank or a value this version does not know. */
    UNKNOWN(null);

    private final String apiName;

    ReferralStatus(String apiName) {
        this.apiName = apiName;
    }

    @Override
    public String apiName() {
        return apiName;
    }
}
