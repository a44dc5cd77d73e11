package io.hunterreferrals.core.sync;

/** Why a source could not deliver; each kind ends a run as failed with {@link #code()} as its error code. */
public enum SourceFailure {
    /** No usable token: the operator must sign in again. */
    SIGN_IN_REQUIRED("sign_in_required"),
    /** Authenticated but not allowed (role, consent or conditional access). Not retried. */
    FORBIDDEN("forbidden"),
    /** Still throttled after the retry budget was spent. */
    THROTTLED("throttled"),
    /** Server errors persisted after the retry budget was spent. */
    UNAVAILABLE("partner_center_unavailable"),
    /** Connection failures or timeouts persisted after the retry budget was spent. */
    NETWORK("network_error"),
    /** A page that is not the documented envelope, e.g. invalid JSON. */
    MALFORMED_PAGE("malformed_page"),
    /** Paging went wrong: a repeated or foreign next link, or the page cap was reached. */
    PAGING("paging_aborted"),
    /** The request was rejected (any other 4xx). */
    REJECTED("request_rejected"),
    /** The source is not configured well enough to be called. */
    CONFIGURATION("configuration_invalid");

    private final String code;

    SourceFailure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
