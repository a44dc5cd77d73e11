package io.hunterreferrals.core.push;

import java.util.Optional;

/**
 * Why a push run failed as a whole (one referral's failure never fails the run: it is recorded on the referral). The
 * code text is stored in {@code dynamics_push_runs.error_code} and shown by the API and the CLI; it never changes.
 */
public enum PushErrorCode {
    /** The CRM refused the app's credentials (wrong secret or certificate, or an expired secret). */
    SIGN_IN_FAILED("dynamics_sign_in_failed"),
    /** The app has no application user in the environment (Dataverse 0x80072560). */
    APPLICATION_USER_MISSING("dynamics_application_user_missing"),
    /** The application user lacks a privilege on leads (Dataverse 0x80040220). */
    PRIVILEGE_MISSING("dynamics_privilege_missing"),
    /** The custom columns or the alternate key are missing or not active yet: run {@code hunter dynamics setup}. */
    SETUP_REQUIRED("dynamics_setup_required"),
    /** Still throttled after the retry budget was spent. */
    THROTTLED("dynamics_throttled"),
    /** Server errors persisted after the retry budget was spent. */
    UNAVAILABLE("dynamics_unavailable"),
    /** Connection failures or timeouts persisted after the retry budget was spent. */
    NETWORK_ERROR("dynamics_network_error"),
    /** The CRM answered something the adapter cannot read. */
    MALFORMED_RESPONSE("dynamics_malformed_response"),
    /** The settings do not let the destination be called. */
    CONFIGURATION_INVALID("configuration_invalid"),
    /** The database went away during the push. */
    DATABASE_UNAVAILABLE("database_unavailable"),
    /** A graceful stop ended the push after the batch in hand. */
    INTERRUPTED("interrupted"),
    /** The process running the push ended before it finished. */
    ABANDONED("abandoned"),
    /** A bug or an unforeseen failure inside the product. */
    INTERNAL_ERROR("internal_error"),
    /** A code stored by another version of the product; never produced by this one. */
    UNRECOGNISED("unrecognised");

    private final String code;

    PushErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<PushErrorCode> fromCode(String code) {
        for (PushErrorCode value : values()) {
            if (value.code.equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
