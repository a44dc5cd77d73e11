package io.hunterreferrals.partnercenter;

import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in, status or logout failure with an actionable message. The message never contains a token, a device code or
 * an e-mail address, so it may be logged and shown.
 */
public class AuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final AuthFailure failure;
    private final String providerErrorCode;

    public AuthException(AuthFailure failure, String message, String providerErrorCode, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.providerErrorCode = providerErrorCode;
    }

    public AuthException(AuthFailure failure, String message) {
        this(failure, message, null, null);
    }

    public AuthFailure failure() {
        return failure;
    }

    /** {@link AuthFailure#code()}, for logs and exit codes. */
    public String code() {
        return failure.code();
    }

    /** The identity provider's or MSAL's own error code (e.g. {@code expired_token}), when there was one. */
    public Optional<String> providerErrorCode() {
        return Optional.ofNullable(providerErrorCode);
    }
}
