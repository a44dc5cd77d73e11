package io.hunterreferrals.simulator;

/** Outcome of a token request: tokens to send, or an OAuth error to send instead. */
sealed interface Redemption {

    record Issued(String accessToken, String refreshToken, String clientId, String scope, long expiresInSeconds)
            implements Redemption {}

    record Failed(String error, String description, String suberror) implements Redemption {

        Failed(String error, String description) {
            this(error, description, null);
        }
    }
}
