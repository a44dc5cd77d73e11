package io.hunterreferrals.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Partner Center and Entra ID.
 *
 * @param enabled the feature flag {@code HUNTER_PARTNER_CENTER_ENABLED}
 * @param clientId the app registration's client id; required to sign in
 * @param tenantId the tenant; required to sign in unless an authority is given
 * @param authority the sign-in authority: explicit, or derived from the tenant
 * @param tokenCachePath the token cache file, absolute
 * @param requestTimeout how long one Referrals API response may take before it is retried
 * @param simulatorUrl a standalone simulator on loopback that the sign-in and the API go to instead of Microsoft
 *     (rehearsals and the container smoke); empty in real use
 */
public record PartnerCenterSettings(
        boolean enabled,
        Optional<String> clientId,
        Optional<String> tenantId,
        Optional<URI> authority,
        URI apiUrl,
        String apiVersion,
        String scope,
        Path tokenCachePath,
        int pageSize,
        int maxPages,
        Duration requestTimeout,
        Optional<URI> simulatorUrl) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    public PartnerCenterSettings {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(simulatorUrl, "simulatorUrl");
        tokenCachePath = tokenCachePath.toAbsolutePath().normalize();
    }

    /** What stops a sign-in or a sync, with fixes; empty when both can run. */
    public List<SettingProblem> readinessProblems() {
        List<SettingProblem> problems = new ArrayList<>();
        if (!enabled) {
            problems.add(new SettingProblem(
                    Setting.PARTNER_CENTER_ENABLED,
                    "is false, so the Partner Center sync is off",
                    "Set HUNTER_PARTNER_CENTER_ENABLED=true in .env or the environment"));
        }
        if (clientId.isEmpty()) {
            problems.add(new SettingProblem(
                    Setting.PARTNER_CENTER_CLIENT_ID,
                    "is missing",
                    "Copy the Application (client) ID from Azure Portal → App registrations into "
                            + "HUNTER_PARTNER_CENTER_CLIENT_ID"));
        }
        if (authority.isEmpty()) {
            problems.add(new SettingProblem(
                    Setting.PARTNER_CENTER_TENANT_ID,
                    "is missing",
                    "Copy the Directory (tenant) ID from Azure Portal → App registrations into "
                            + "HUNTER_PARTNER_CENTER_TENANT_ID"));
        }
        return problems;
    }

    /** Whether sign-in has what it needs (the feature flag aside). */
    public boolean canSignIn() {
        return clientId.isPresent() && authority.isPresent();
    }
}
