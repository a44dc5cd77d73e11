package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.redaction.Redaction;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The non-secret facts of a completed sign-in. Deliberately has no token: callers get tokens only through
 * {@link AccessTokenSource}, which nothing outside this adapter needs.
 *
 * @param username the signed-in account (an e-mail address: show it, never log it)
 * @param accessTokenExpiresAt when the access token expires; MSAL refreshes it silently after that
 * @param scopes the granted scopes
 * @param tokenType always {@code Bearer} for Entra ID v2 tokens
 */
public record SignInResult(String username, Instant accessTokenExpiresAt, Set<String> scopes, String tokenType) {

    public SignInResult {
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(tokenType, "tokenType");
    }

    @Override
    public String toString() {
        return "SignInResult[username=" + Redaction.email(username) + ", accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", scopes=" + scopes + ", tokenType=" + tokenType + "]";
    }
}
