package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.Grants.AccessCheck;
import java.util.Optional;

/** The Referrals API's bearer check: 401 with the Partner API error body unless the token is known and unexpired. */
final class BearerAuth {

    private final SimulatedIdentity identity;

    BearerAuth(SimulatedIdentity identity) {
        this.identity = identity;
    }

    /** Empty when the caller may proceed; otherwise the 401 to send. */
    Optional<Reply> reject(Request request) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty()) {
            return Optional.of(unauthenticated("The request has no Authorization header."));
        }
        String value = header.get().trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(unauthenticated("The Authorization header must carry a Bearer token."));
        }
        AccessCheck check = identity.check(value.substring(7).trim());
        return switch (check) {
            case VALID -> Optional.empty();
            case EXPIRED -> Optional.of(unauthenticated("The access token has expired."));
            case UNKNOWN -> Optional.of(unauthenticated("The access token is invalid."));
        };
    }

    private static Reply unauthenticated(String message) {
        return ApiErrors.error(401, "unauthenticated", message).withHeader("WWW-Authenticate", "Bearer");
    }
}
