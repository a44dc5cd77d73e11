package io.hunterreferrals.partnercenter;

import java.nio.file.Path;

/**
 * Thrown from inside MSAL's cache callbacks when the cache file cannot be used. It travels through MSAL's futures as a
 * cause; {@link MsalErrors} digs it out again so the caller sees the path and the fix instead of a generic MSAL error.
 */
final class TokenCacheUnreadableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final boolean write;

    private TokenCacheUnreadableException(Path path, String message, boolean write, Throwable cause) {
        super(message, cause);
        this.path = path;
        this.write = write;
    }

    static TokenCacheUnreadableException unreadable(Path path, String why, Throwable cause) {
        return new TokenCacheUnreadableException(
                path,
                "The token cache " + path + " cannot be used (" + why
                        + "). It was left untouched. Fix: run `hunter auth logout`, then `hunter auth login`.",
                false,
                cause);
    }

    static TokenCacheUnreadableException unwritable(Path path, Throwable cause) {
        return new TokenCacheUnreadableException(
                path,
                "The token cache " + path + " could not be written ("
                        + cause.getClass().getSimpleName() + "). Check that its folder is writable by this user.",
                true,
                cause);
    }

    Path path() {
        return path;
    }

    AuthException toAuthException() {
        return new AuthException(
                write ? AuthFailure.CACHE_WRITE_FAILED : AuthFailure.CACHE_UNREADABLE, getMessage(), null, this);
    }
}
