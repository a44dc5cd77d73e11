package io.hunterreferrals.simulator;

import java.time.Instant;

/** What the simulator remembers about issued tokens; never the tokens' meaning, only their lifetime and owner. */
final class Grants {

    private Grants() {}

    record AccessGrant(String clientId, String scope, Instant expiresAt) {

        AccessGrant expiredAt(Instant now) {
            return new AccessGrant(clientId, scope, now);
        }
    }

    record RefreshGrant(String clientId, String scope, boolean revoked) {

        RefreshGrant revoke() {
            return new RefreshGrant(clientId, scope, true);
        }
    }

    /** Result of checking a bearer token at an API. */
    enum AccessCheck {
        VALID,
        UNKNOWN,
        EXPIRED,
        /** Issued by the simulator, but for the other API's audience (its aud claim would not match). */
        WRONG_AUDIENCE
    }
}
