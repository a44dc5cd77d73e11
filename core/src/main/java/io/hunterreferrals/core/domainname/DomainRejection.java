package io.hunterreferrals.core.domainname;

/** Why a text is not a usable company domain; {@link #code()} is stable and {@link #explanation()} is for operators. */
public enum DomainRejection {
    EMPTY("empty", "it is empty"),
    PLACEHOLDER("placeholder", "it is a placeholder such as n/a, none or website, not a domain"),
    IP_ADDRESS("ip_address", "it is an IP address; a company domain such as contoso.com is expected"),
    SINGLE_LABEL("single_label", "it has a single label; a domain such as contoso.com has at least one dot"),
    TOO_LONG("too_long", "it is longer than 253 characters or has a label longer than 63"),
    INVALID_CHARACTERS("invalid_characters", "it contains characters a domain name cannot have"),
    INVALID_IDN("invalid_idn", "it is an international name that cannot be converted to punycode"),
    PUBLIC_SUFFIX("public_suffix", "it is a public suffix such as co.uk, not a company's domain"),
    UNKNOWN_SUFFIX("unknown_suffix", "it does not end in a known public suffix such as .com or .com.tr"),
    CONSUMER_MAILBOX("consumer_mailbox", "it belongs to a consumer mailbox provider, not to a company");

    private final String code;
    private final String explanation;

    DomainRejection(String code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    public String code() {
        return code;
    }

    public String explanation() {
        return explanation;
    }
}
