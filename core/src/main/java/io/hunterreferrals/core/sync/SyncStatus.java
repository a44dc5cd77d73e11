package io.hunterreferrals.core.sync;

/**
 * The lifecycle of a sync run: queued, running, then one of three ends. {@link #PARTIAL} is a run that read every page
 * but quarantined some referrals on their content; {@link #FAILED} is a run that stopped early.
 */
public enum SyncStatus {
    QUEUED("queued"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    PARTIAL("partial"),
    FAILED("failed");

    private final String code;

    SyncStatus(String code) {
        this.code = code;
    }

    /** The stable code used in storage, logs and APIs. */
    public String code() {
        return code;
    }

    /** Succeeded, partial or failed: the run is over. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == PARTIAL || this == FAILED;
    }

    /** Succeeded or partial: the run read everything it was asked to. */
    public boolean isCompleted() {
        return this == SUCCEEDED || this == PARTIAL;
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
