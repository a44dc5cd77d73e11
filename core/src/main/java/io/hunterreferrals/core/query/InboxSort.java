package io.hunterreferrals.core.query;

/** Orders of the referral inbox; ties are broken by referral id so paging is stable. */
public enum InboxSort {
    /**
     * Last fetched by a sync first. Every sync fetches every referral again, so this is mostly the order of the last
     * run's pages; the stores need not index it (a sync's bump of the fetch time stays cheap that way).
     */
    SYNCED_DESC("synced_desc"),
    /** Last changed content first: new referrals and referrals that changed in Partner Center on top. The default. */
    CHANGED_DESC("changed_desc"),
    /** Last updated in Partner Center first. */
    UPDATED_DESC("updated_desc"),
    /** Newest in Partner Center first. */
    CREATED_DESC("created_desc"),
    /** Company name A to Z. */
    COMPANY_ASC("company_asc"),
    /** Largest deal first; referrals without a value last. */
    DEAL_VALUE_DESC("deal_value_desc");

    /** The inbox order when none is asked for. */
    public static final InboxSort DEFAULT = CHANGED_DESC;

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
