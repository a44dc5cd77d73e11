package io.hunterreferrals.core.referral;

/** The sharing type of a referral. Unrecognised API values map to {@link #UNKNOWN}; see {@link ApiValue}. */
public enum ReferralType implements ApiEnum {
    /** Visible to one partner. */
    INDEPENDENT("Independent"),
    /** Visible to both collaborating parties, e.g. Microsoft and the partner in co-sell. */
    SHARED("Shared"),
    /** Absent, blank or a value this version does not know. */
    UNKNOWN(null);

    private final String apiName;

    ReferralType(String apiName) {
        this.apiName = apiName;
    }

    @Override
    public String apiName() {
        return apiName;
    }
}
