package io.hunterreferrals.core.sync;

/** Why a source could not deliver; each kind ends a run as failed with {@link #code()} as its error code. */
public enum SourceFailure {
    /** No usable token: the operator must sign in again. */
    SIGN_IN_REQUIRED(SyncErrorCode.SIGN_IN_REQUIRED),
    /** Authenticated but not allowed (role, consent or conditional access). Not retried. */
    FORBIDDEN(SyncErrorCode.FORBIDDEN),
    /** Still throttled after the retry budget was spent. */
    THROTTLED(SyncErrorCode.THROTTLED),
    /** Server errors persisted after the retry budget was spent. */
    UNAVAILABLE(SyncErrorCode.PARTNER_CENTER_UNAVAILABLE),
    /** Connection failures or timeouts persisted after the retry budget was spent. */
    NETWORK(SyncErrorCode.NETWORK_ERROR),
    /** A page that is not the documented envelope, e.g. invalid JSON. */
    MALFORMED_PAGE(SyncErrorCode.MALFORMED_PAGE),
    /** Paging went wrong: a repeated or foreign next link, or the page cap was reached. */
    PAGING(SyncErrorCode.PAGING_ABORTED),
    /** The request was rejected (any other 4xx). */
    REJECTED(SyncErrorCode.REQUEST_REJECTED),
    /** The source is not configured well enough to be called. */
    CONFIGURATION(SyncErrorCode.CONFIGURATION_INVALID);

    private final SyncErrorCode code;

    SourceFailure(SyncErrorCode code) {
        this.code = code;
    }

    /** The error code a run that ends on this failure records. */
    public SyncErrorCode code() {
        return code;
    }
}
