package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.Grants.AccessCheck;
import io.hunterreferrals.simulator.Grants.AccessGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Access tokens the simulated Entra ID issued for the client-credentials grant: opaque, random, with an expiry, and the
 * levers tests pull on them. Thread-safe.
 */
public final class DataverseTokens {

    /** Every Dataverse access token starts with this, so a log scan can find a leaked one. */
    public static final String ACCESS_TOKEN_PREFIX = "simDV.";

    private final Clock clock;
    private final Duration lifetime;
    private final String clientId;
    private final String scope;
    private final Map<String, AccessGrant> tokens = new HashMap<>();

    DataverseTokens(Clock clock, Duration lifetime, String clientId, String scope) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.clientId = clientId;
        this.scope = scope;
    }

    /** A valid token without a token request, for tests of the Web API client that do not exercise MSAL. */
    public synchronized String issueAccessToken() {
        return issue(clientId, scope);
    }

    /** Every token issued so far is treated as expired from now on: the Web API answers 401. */
    public synchronized void expireAllAccessTokens() {
        Instant now = clock.instant();
        tokens.replaceAll((token, grant) -> grant.expiredAt(now));
    }

    public synchronized int issuedCount() {
        return tokens.size();
    }

    public Duration lifetime() {
        return lifetime;
    }

    synchronized String issue(String client, String grantedScope) {
        String token = RandomTokens.secret(ACCESS_TOKEN_PREFIX);
        tokens.put(token, new AccessGrant(client, grantedScope, clock.instant().plus(lifetime)));
        return token;
    }

    synchronized AccessCheck check(String token) {
        AccessGrant grant = tokens.get(token);
        if (grant == null) {
            return AccessCheck.UNKNOWN;
        }
        return clock.instant().isBefore(grant.expiresAt()) ? AccessCheck.VALID : AccessCheck.EXPIRED;
    }
}
