package io.hunterreferrals.core.sync;

/** The lifecycle of a sync run. A run that stored some referrals but failed others still {@link #SUCCEEDED}; see {@link SyncReport#isPartial()}. */
public enum SyncStatus {
    QUEUED("queued"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String code;

    SyncStatus(String code) {
        this.code = code;
    }

    /** The stable code used in storage, logs and APIs. */
    public String code() {
        return code;
    }

    public static SyncStatus fromCode(String code) {
        for (SyncStatus value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown sync status '" + code + "'");
    }
}
