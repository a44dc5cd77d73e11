package io.hunterreferrals.core.sync;

/**
 * Incremental runs ask only for referrals changed since the watermark; full runs re-read everything; referral runs read
 * only the referrals a Partner Center webhook named, one by one, and never move the watermark.
 */
public enum SyncMode {
    INCREMENTAL("incremental"),
    FULL("full"),
    REFERRALS("referrals");

    private final String code;

    SyncMode(String code) {
        this.code = code;
    }

    /** The stable code used in storage, logs and APIs. */
    public String code() {
        return code;
    }

    public static SyncMode fromCode(String code) {
        for (SyncMode value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown sync mode '" + code + "'");
    }
}
