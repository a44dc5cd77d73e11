package io.hunterreferrals.core.webhook;

/** Why a call to Partner Center's webhook registration API failed, by stable code. */
public enum WebhookRegistryErrorCode {
    /** No token for the webhook scope in the cache: run {@code hunter auth login} again. */
    SIGN_IN_REQUIRED("sign_in_required"),
    /** The signed-in user lacks a role the webhook API needs. */
    FORBIDDEN("forbidden"),
    /** Throttled (the test call allows two a minute). */
    THROTTLED("throttled"),
    /** Partner Center answered with a server error or not at all. */
    UNAVAILABLE("unavailable"),
    /** Partner Center refused the request itself (400, 409). */
    REJECTED("rejected"),
    /** A test event with that correlation id is not known (or older than 7 days). */
    NOT_FOUND("not_found");

    private final String code;

    WebhookRegistryErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
