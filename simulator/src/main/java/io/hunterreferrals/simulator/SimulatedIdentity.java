package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.DeviceAuthorization.State;
import io.hunterreferrals.simulator.Grants.AccessCheck;
import io.hunterreferrals.simulator.Grants.AccessGrant;
import io.hunterreferrals.simulator.Grants.RefreshGrant;
import io.hunterreferrals.simulator.Redemption.Failed;
import io.hunterreferrals.simulator.Redemption.Issued;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated Entra ID: device-code sign-ins, issued access and refresh tokens, and the levers tests pull on them
 * (approve, decline, expire, revoke). Thread-safe: every method holds this object's monitor.
 */
public final class SimulatedIdentity {

    private final IdentitySettings settings;
    private final Clock clock;
    private final Map<String, DeviceAuthorization> byDeviceCode = new HashMap<>();
    private final Map<String, DeviceAuthorization> byUserCode = new LinkedHashMap<>();
    private final Map<String, AccessGrant> accessTokens = new HashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new HashMap<>();

    SimulatedIdentity(IdentitySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    // ---- levers for tests and the demo ------------------------------------------------------------------------

    /** Lets the next poll for this user code succeed, as if the operator signed in at the verification page. */
    public synchronized void approve(String userCode) {
        DeviceAuthorization d = pending(userCode);
        d.state = State.APPROVED;
    }

    /** Makes the next poll for this user code fail with {@code authorization_declined}. */
    public synchronized void decline(String userCode) {
        DeviceAuthorization d = pending(userCode);
        d.state = State.DECLINED;
    }

    /** User codes still waiting for approval, oldest first (expired ones excluded). */
    public synchronized List<String> pendingUserCodes() {
        Instant now = clock.instant();
        List<String> out = new ArrayList<>();
        byUserCode.values().forEach(d -> {
            if (d.state == State.PENDING && now.isBefore(d.expiresAt)) {
                out.add(d.userCode);
            }
        });
        return out;
    }

    /** The newest pending user code, if any. */
    public synchronized Optional<String> latestPendingUserCode() {
        List<String> pending = pendingUserCodes();
        return pending.isEmpty() ? Optional.empty() : Optional.of(pending.getLast());
    }

    /**
     * Waits until a device-code sign-in is pending and returns its user code: handy when MSAL runs the flow on another
     * thread and the test plays the operator.
     */
    public synchronized String awaitPendingUserCode(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> latest = latestPendingUserCode();
            if (latest.isPresent()) {
                return latest.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("no device code was requested within " + timeout);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a device code", e);
            }
        }
    }

    /** Every access token issued so far is treated as expired from now on: the API answers 401. */
    public synchronized void expireAllAccessTokens() {
        Instant now = clock.instant();
        accessTokens.replaceAll((token, grant) -> grant.expiredAt(now));
    }

    /** Every refresh token issued so far is refused with {@code invalid_grant} (suberror {@code bad_token}). */
    public synchronized void revokeAllRefreshTokens() {
        refreshTokens.replaceAll((token, grant) -> grant.revoke());
    }

    /** Revokes one refresh token; false if the simulator never issued it. */
    public synchronized boolean revokeRefreshToken(String refreshToken) {
        RefreshGrant grant = refreshTokens.get(refreshToken);
        if (grant == null) {
            return false;
        }
        refreshTokens.put(refreshToken, grant.revoke());
        return true;
    }

    /** Mints a valid access token without a sign-in, for tests of the API client that do not exercise MSAL. */
    public synchronized String issueAccessToken() {
        return issueAccessToken(PartnerCenterSimulator.PARTNER_CENTER_SCOPE);
    }

    /**
     * Like {@link #issueAccessToken()}, for another scope: {@link PartnerCenterSimulator#WEBHOOK_SCOPE} gives a token
     * the webhook registration API takes and the Referrals API refuses.
     */
    public synchronized String issueAccessToken(String scope) {
        return issue("simulator-test-client", scope).accessToken();
    }

    public synchronized int issuedAccessTokenCount() {
        return accessTokens.size();
    }

    public String username() {
        return settings.username();
    }

    public String tenantId() {
        return settings.tenantId();
    }

    public String userObjectId() {
        return settings.userObjectId();
    }

    // ---- protocol, used by the OAuth endpoints ----------------------------------------------------------------

    IdentitySettings settings() {
        return settings;
    }

    synchronized DeviceAuthorization startDeviceAuthorization(String clientId, String tenant, String scope) {
        String userCode;
        do {
            userCode = RandomTokens.userCode();
        } while (byUserCode.containsKey(userCode));
        DeviceAuthorization d = new DeviceAuthorization(
                RandomTokens.secret(Canary.DEVICE_CODE_PREFIX),
                userCode,
                clientId,
                tenant.toLowerCase(Locale.ROOT),
                scope,
                clock.instant().plus(settings.deviceCodeLifetime()));
        byDeviceCode.put(d.deviceCode, d);
        byUserCode.put(userCode, d);
        notifyAll();
        return d;
    }

    synchronized Redemption redeemDeviceCode(String deviceCode, String clientId, String tenant, String scope) {
        DeviceAuthorization d = byDeviceCode.get(deviceCode);
        if (d == null || d.state == State.REDEEMED) {
            return new Failed(
                    "invalid_grant", "AADSTS70000: The provided device code is unknown or was already redeemed.");
        }
        if (!d.clientId.equals(clientId) || !d.tenant.equalsIgnoreCase(tenant)) {
            return new Failed("invalid_grant", "AADSTS70000: The device code was issued to another client or tenant.");
        }
        if (!clock.instant().isBefore(d.expiresAt)) {
            return new Failed(
                    "expired_token",
                    "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This "
                            + "device code has expired.");
        }
        d.polls++;
        if (d.state == State.PENDING
                && settings.autoApproveAfterPolls() > 0
                && d.polls >= settings.autoApproveAfterPolls()) {
            d.state = State.APPROVED;
        }
        return switch (d.state) {
            case PENDING ->
                new Failed(
                        "authorization_pending",
                        "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
            case DECLINED ->
                new Failed("authorization_declined", "AADSTS70000: The user declined the sign-in request.");
            case APPROVED -> {
                d.state = State.REDEEMED;
                yield issue(clientId, scope.isBlank() ? d.scope : scope);
            }
            case REDEEMED -> throw new IllegalStateException("unreachable");
        };
    }

    synchronized Redemption redeemRefreshToken(String refreshToken, String clientId, String scope) {
        RefreshGrant grant = refreshTokens.get(refreshToken);
        if (grant == null) {
            return new Failed(
                    "invalid_grant", "AADSTS9002313: Invalid request. The refresh token is malformed or unknown.");
        }
        if (grant.revoked()) {
            return new Failed(
                    "invalid_grant",
                    "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token "
                            + "is needed.",
                    "bad_token");
        }
        if (!grant.clientId().equals(clientId)) {
            return new Failed("invalid_grant", "AADSTS70000: The refresh token was issued to another client.");
        }
        // Rotation: a fresh refresh token each time. The old one stays valid, as with Entra ID, so a client that fails
        // to persist the new one is not locked out.
        return issue(clientId, scope.isBlank() ? grant.scope() : scope);
    }

    synchronized AccessCheck check(String accessToken, Audience audience) {
        AccessGrant grant = accessTokens.get(accessToken);
        if (grant == null) {
            return AccessCheck.UNKNOWN;
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            return AccessCheck.EXPIRED;
        }
        return audience.accepts(grant.scope()) ? AccessCheck.VALID : AccessCheck.WRONG_AUDIENCE;
    }

    private Issued issue(String clientId, String scope) {
        String access = RandomTokens.secret(Canary.ACCESS_TOKEN_PREFIX);
        String refresh = RandomTokens.secret(Canary.REFRESH_TOKEN_PREFIX);
        accessTokens.put(
                access, new AccessGrant(clientId, scope, clock.instant().plus(settings.accessTokenLifetime())));
        refreshTokens.put(refresh, new RefreshGrant(clientId, scope, false));
        return new Issued(
                access, refresh, clientId, scope, settings.accessTokenLifetime().toSeconds());
    }

    private DeviceAuthorization pending(String userCode) {
        DeviceAuthorization d =
                userCode == null ? null : byUserCode.get(userCode.trim().toUpperCase(Locale.ROOT));
        if (d == null) {
            throw new IllegalArgumentException("unknown user code");
        }
        if (d.state == State.REDEEMED) {
            throw new IllegalStateException("the device code was already redeemed");
        }
        return d;
    }
}
