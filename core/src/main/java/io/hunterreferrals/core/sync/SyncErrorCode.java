package io.hunterreferrals.core.sync;

import java.util.Optional;

/**
 * Every reason a sync run can end as failed: the closed list that the CLI's exit codes, the log event names and the
 * API's {@code error.code} are derived from. The code text is what {@code sync_runs.error_code} stores, so it never
 * changes; a new reason is a new constant, and the compiler then finds every switch that must decide about it.
 */
public enum SyncErrorCode {
    /** No usable token: the operator must sign in again ({@code hunter auth login}). */
    SIGN_IN_REQUIRED("sign_in_required"),
    /** Authenticated but not allowed (role, consent or conditional access). */
    FORBIDDEN("forbidden"),
    /** Partner Center was still throttling after the retry budget was spent. */
    THROTTLED("throttled"),
    /** Partner Center's server errors persisted after the retry budget was spent. */
    PARTNER_CENTER_UNAVAILABLE("partner_center_unavailable"),
    /** Connection failures or timeouts persisted after the retry budget was spent. */
    NETWORK_ERROR("network_error"),
    /** A page that is not the documented envelope, e.g. invalid JSON. */
    MALFORMED_PAGE("malformed_page"),
    /** Paging went wrong: a repeated or foreign next link, or the page cap was reached. */
    PAGING_ABORTED("paging_aborted"),
    /** Partner Center rejected the request (any other 4xx). */
    REQUEST_REJECTED("request_rejected"),
    /** The source is not configured well enough to be called. */
    CONFIGURATION_INVALID("configuration_invalid"),
    /** The database went away during the run; see {@link StorageUnavailableException}. */
    DATABASE_UNAVAILABLE("database_unavailable"),
    /** A bug or an unforeseen failure inside the product. */
    INTERNAL_ERROR("internal_error"),
    /** A graceful stop (shutdown) ended the run after the page in hand. */
    INTERRUPTED("interrupted"),
    /** The process running the sync died or stopped sending heartbeats. */
    ABANDONED("abandoned"),
    /** The queued run could not be handed to a worker. */
    DISPATCH_FAILED("dispatch_failed"),
    /** The queued run's scheduled execution is gone, so no worker will ever start it. */
    NOT_DISPATCHED("not_dispatched"),
    /** The feature flag was turned off between queueing and starting the run. */
    PARTNER_CENTER_DISABLED("partner_center_disabled"),
    /**
     * A code stored by another version of the product that this one does not know; the stored text is kept in the
     * message. Never produced by this version.
     */
    UNRECOGNISED("unrecognised");

    private final String code;

    SyncErrorCode(String code) {
        this.code = code;
    }

    /** The stable text used in storage, logs and the API. */
    public String code() {
        return code;
    }

    /** The constant whose {@link #code()} is {@code code}, if this version knows it. */
    public static Optional<SyncErrorCode> fromCode(String code) {
        for (SyncErrorCode value : values()) {
            if (value.code.equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
