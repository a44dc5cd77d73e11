package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.Grants.AccessCheck;
import java.util.Optional;

/**
 * A bearer check for one API: the token must be known, unexpired and issued for that API's {@link Audience}. The
 * Referrals API answers a refusal with the Partner API error body ({@link #reject}); the webhook API words its own
 * ({@link #problem}).
 */
final class BearerAuth {

    private final SimulatedIdentity identity;
    private final Audience audience;

    BearerAuth(SimulatedIdentity identity, Audience audience) {
        this.identity = identity;
        this.audience = audience;
    }

    /** Empty when the caller may proceed; otherwise the 401 to send. */
    Optional<Reply> reject(Request request) {
        return problem(request).map(BearerAuth::unauthenticated);
    }

    /** Empty when the caller may proceed; otherwise why not, for a 401. */
    Optional<String> problem(Request request) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty()) {
            return Optional.of("The request has no Authorization header.");
        }
        String value = header.get().trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of("The Authorization header must carry a Bearer token.");
        }
        AccessCheck check = identity.check(value.substring(7).trim(), audience);
        return switch (check) {
            case VALID -> Optional.empty();
            case EXPIRED -> Optional.of("The access token has expired.");
            case UNKNOWN -> Optional.of("The access token is invalid.");
            case WRONG_AUDIENCE -> Optional.of("The access token was issued for another audience.");
        };
    }

    private static Reply unauthenticated(String message) {
        return ApiErrors.error(401, "unauthenticated", message).withHeader("WWW-Authenticate", "Bearer");
    }
}
