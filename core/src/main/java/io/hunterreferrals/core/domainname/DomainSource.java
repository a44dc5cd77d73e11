package io.hunterreferrals.core.domainname;

/** Where in a referral its company domain was found, in the order the extraction chain tries them. */
public enum DomainSource {
    CUSTOMER_TEAM_EMAIL("customer_team_email"),
    CUSTOMER_EXTERNAL_ID("customer_external_id"),
    LEGACY_WEBSITE("legacy_website"),
    LEGACY_CONTACT_EMAIL("legacy_contact_email");

    private final String code;

    DomainSource(String code) {
        this.code = code;
    }

    /** The stored code, e.g. {@code customer_team_email}. */
    public String code() {
        return code;
    }

    public static DomainSource fromCode(String code) {
        for (DomainSource source : values()) {
            if (source.code.equals(code)) {
                return source;
            }
        }
        throw new IllegalArgumentException("Unknown domain source '" + code + "'");
    }
}
