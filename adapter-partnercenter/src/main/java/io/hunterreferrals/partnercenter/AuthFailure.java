package io.hunterreferrals.partnercenter;

/** Why a sign-in, status or logout could not complete; {@link #code()} is stable for logs, exit codes and the API. */
public enum AuthFailure {
    /** The device code expired before the operator finished signing in. */
    CODE_EXPIRED("device_code_expired"),
    /** The operator declined the sign-in (or the identity provider refused it). */
    DECLINED("sign_in_declined"),
    /** The caller cancelled the wait (interrupt or cancel). */
    CANCELLED("sign_in_cancelled"),
    /** The token cache file exists but cannot be read or parsed; it is left untouched. */
    CACHE_UNREADABLE("token_cache_unreadable"),
    /** The token cache file could not be written or deleted. */
    CACHE_WRITE_FAILED("token_cache_write_failed"),
    /** The identity provider failed or could not be reached. */
    IDENTITY_PROVIDER("identity_provider_error"),
    /** The configuration is unusable (e.g. an authority MSAL rejects). */
    CONFIGURATION("auth_configuration_invalid");

    private final String code;

    AuthFailure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
