package io.hunterreferrals.simulator;

import java.time.Duration;

/**
 * How the simulated Entra ID behaves.
 *
 * @param autoApproveAfterPolls approve a pending device code on this poll; 0 means only explicit approval
 */
record IdentitySettings(
        String tenantId,
        String userObjectId,
        String username,
        String displayName,
        Duration accessTokenLifetime,
        Duration deviceCodeLifetime,
        int pollIntervalSeconds,
        int autoApproveAfterPolls) {}
