package io.hunterreferrals.core.company;

/**
 * How a referral relates to a company. The operator's decisions ({@link #MANUAL_LINKED}, {@link #MANUAL_UNLINKED}) are
 * never changed by a sync.
 */
public enum LinkStatus {
    UNLINKED("unlinked"),
    AUTO_LINKED("auto_linked"),
    MANUAL_LINKED("manual_linked"),
    MANUAL_UNLINKED("manual_unlinked");

    private final String code;

    LinkStatus(String code) {
        this.code = code;
    }

    /** The stored code, e.g. {@code auto_linked}. */
    public String code() {
        return code;
    }

    public boolean isOperatorDecision() {
        return this == MANUAL_LINKED || this == MANUAL_UNLINKED;
    }

    public static LinkStatus fromCode(String code) {
        for (LinkStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                "Unknown link status '" + code + "'; expected unlinked, auto_linked, manual_linked or manual_unlinked");
    }
}
