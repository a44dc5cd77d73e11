package io.hunterreferrals.core.query;

/** Orders of the referral inbox; ties are broken by referral id so paging is stable. */
public enum InboxSort {
    /** Last fetched by a sync first: what the runbooks look at. */
    SYNCED_DESC("synced_desc"),
    /** Last changed content first. */
    CHANGED_DESC("changed_desc"),
    /** Last updated in Partner Center first. */
    UPDATED_DESC("updated_desc"),
    /** Newest in Partner Center first. */
    CREATED_DESC("created_desc"),
    /** Company name A to Z. */
    COMPANY_ASC("company_asc"),
    /** Largest deal first; referrals without a value last. */
    DEAL_VALUE_DESC("deal_value_desc");

    private final String code;

    InboxSort(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static InboxSort fromCode(String code) {
        for (InboxSort sort : values()) {
            if (sort.code.equals(code)) {
                return sort;
            }
        }
        throw new IllegalArgumentException("Unknown sort '" + code + "'; expected one of synced_desc, changed_desc, "
                + "updated_desc, created_desc, company_asc, deal_value_desc");
    }
}
