package io.hunterreferrals.core.query;

/** Orders of the lead listing; ties are broken by company id so paging is stable. */
public enum LeadSort {
    /** Domain A to Z: the default, and the order of exports. */
    DOMAIN_ASC("domain_asc"),
    /** Company name A to Z. */
    NAME_ASC("name_asc"),
    /** Most recently created (imported, or made from a referral) first. */
    CREATED_DESC("created_desc");

    /** The order when none is asked for. */
    public static final LeadSort DEFAULT = DOMAIN_ASC;

    private final String code;

    LeadSort(String code) {
        this.code = code;
    }

    /** The wire and command-line code, e.g. {@code name_asc}. */
    public String code() {
        return code;
    }
}
