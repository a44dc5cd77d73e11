package io.hunterreferrals.core.sync;

/** Who started a sync run. */
public enum SyncTrigger {
    CLI("cli"),
    MANUAL("manual"),
    SCHEDULED("scheduled"),
    /** A Partner Center webhook named the referrals (docs/adr/0015). */
    WEBHOOK("webhook");

    private final String code;

    SyncTrigger(String code) {
        this.code = code;
    }

    /** The stable code used in storage, logs and APIs. */
    public String code() {
        return code;
    }

    public static SyncTrigger fromCode(String code) {
        for (SyncTrigger value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown sync trigger '" + code + "'");
    }
}
