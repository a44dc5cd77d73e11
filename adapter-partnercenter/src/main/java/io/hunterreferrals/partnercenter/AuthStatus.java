package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.redaction.Redaction;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the token cache says about the sign-in, read from the file without any network call and without revealing a
 * token. The username is an e-mail address: fine to show to the operator, never to log, so {@code toString()} masks it.
 */
public sealed interface AuthStatus {

    Path cachePath();

    /**
     * @param username the signed-in account (an e-mail address; display only)
     * @param accessTokenExpiresAt expiry of the newest cached access token for this app, if any
     * @param refreshTokenPresent whether a refresh token is cached, i.e. silent sign-in can work after expiry
     */
    record SignedIn(
            Path cachePath, String username, Optional<Instant> accessTokenExpiresAt, boolean refreshTokenPresent)
            implements AuthStatus {
        public SignedIn {
            Objects.requireNonNull(cachePath, "cachePath");
            Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        }

        @Override
        public String toString() {
            return "SignedIn[cachePath=" + cachePath + ", username=" + Redaction.email(username)
                    + ", accessTokenExpiresAt="
                    + accessTokenExpiresAt.map(Instant::toString).orElse("none") + ", refreshTokenPresent="
                    + refreshTokenPresent + "]";
        }
    }

    /** @param reason why not, with the command that fixes it */
    record SignedOut(Path cachePath, String reason) implements AuthStatus {
        public SignedOut {
            Objects.requireNonNull(cachePath, "cachePath");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The file exists but cannot be used; it was left untouched. {@code message} names the path and the fix. */
    record CacheUnreadable(Path cachePath, String message) implements AuthStatus {
        public CacheUnreadable {
            Objects.requireNonNull(cachePath, "cachePath");
            Objects.requireNonNull(message, "message");
        }
    }
}
