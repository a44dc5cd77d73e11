package io.hunterreferrals.simulator;

import java.time.Instant;

/** One device-code sign-in in progress. Mutable, guarded by {@link SimulatedIdentity}'s lock. */
final class DeviceAuthorization {

    enum State {
        PENDING,
        APPROVED,
        DECLINED,
        REDEEMED
    }

    final String deviceCode;
    final String userCode;
    final String clientId;
    final String tenant;
    final String scope;
    final Instant expiresAt;
    State state = State.PENDING;
    int polls;

    DeviceAuthorization(
            String deviceCode, String userCode, String clientId, String tenant, String scope, Instant expiresAt) {
        this.deviceCode = deviceCode;
        this.userCode = userCode;
        this.clientId = clientId;
        this.tenant = tenant;
        this.scope = scope;
        this.expiresAt = expiresAt;
    }
}
