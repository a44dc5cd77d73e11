package io.hunterreferrals.dynamics;

/**
 * Entra ID could not be reached, did not answer in time, or answered 429/5xx: the token request is retried within the
 * same budget as the Web API request it was for. The message holds no secret (MSAL's own messages carry none).
 */
final class TokenUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Integer httpStatus;

    TokenUnavailableException(String message, Integer httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    Integer httpStatus() {
        return httpStatus;
    }
}
