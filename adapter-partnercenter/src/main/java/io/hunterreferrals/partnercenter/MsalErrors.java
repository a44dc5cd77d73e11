package io.hunterreferrals.partnercenter;

import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * MSAL reports failures wrapped in {@code ExecutionException}/{@code CompletionException} and sometimes in its own
 * {@code MsalClientException}; this finds what actually happened in the cause chain.
 */
final class MsalErrors {

    private MsalErrors() {}

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static Optional<TokenCacheUnreadableException> cacheProblem(Throwable t) {
        return find(t, TokenCacheUnreadableException.class);
    }

    static Optional<MsalException> msal(Throwable t) {
        return find(t, MsalException.class);
    }

    static String errorCode(Throwable t) {
        return msal(t).map(MsalException::errorCode).orElse(null);
    }

    /** The refresh token is dead or absent: only a new interactive (device-code) sign-in helps. */
    static boolean signInRequired(Throwable t) {
        if (find(t, MsalInteractionRequiredException.class).isPresent()) {
            return true;
        }
        String code = errorCode(t);
        return "invalid_grant".equals(code) || "cache_miss".equals(code) || "interaction_required".equals(code);
    }

    private static <T extends Throwable> Optional<T> find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }
}
