package io.hunterreferrals.core.referral;

/** How a referral was qualified. Unrecognised API values map to {@link #UNKNOWN}; see {@link ApiValue}. */
public enum Qualification implements ApiEnum {
    /** No quality measure. */
    NONE("None"),
    /** Created directly by a customer. */
    DIRECT("Direct"),
    /** From Microsoft marketing automation. */
    MARKETING_QUALIFIED("MarketingQualified"),
    /** From a Microsoft sales agent. */
    SALES_QUALIFIED("SalesQualified"),
    /** Absent, blank or a value this version does not know. */
    UNKNOWN(null);

    private final String apiName;

    Qualification(String apiName) {
        this.apiName = apiName;
    }

    @Override
    public String apiName() {
        return apiName;
    }
}
