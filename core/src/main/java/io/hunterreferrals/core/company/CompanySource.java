package io.hunterreferrals.core.company;

/** How a company entered the directory. */
public enum CompanySource {
    PARTNER_CENTER("partner_center"),
    IMPORT("import"),
    MANUAL("manual");

    private final String code;

    CompanySource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static CompanySource fromCode(String code) {
        for (CompanySource source : values()) {
            if (source.code.equals(code)) {
                return source;
            }
        }
        throw new IllegalArgumentException("Unknown company source '" + code + "'");
    }
}
