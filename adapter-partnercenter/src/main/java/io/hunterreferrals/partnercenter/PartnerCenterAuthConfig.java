package io.hunterreferrals.partnercenter;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to sign in to Partner Center. Values come typed from the app's configuration (HUNTER_* variables); this record
 * only validates them and supplies the documented defaults.
 *
 * @param clientId the public-client (app registration) id; there is no client secret
 * @param tenantId the partner's Entra ID tenant
 * @param authority the token authority, {@code https://login.microsoftonline.com/{tenantId}} by default; MSAL insists
 *     on https
 * @param scope the delegated scope, {@code https://api.partner.microsoft.com/.default} by default
 * @param tokenCachePath the MSAL token cache file (holds a refresh token: owner-only permissions), {@code .token_cache}
 *     by default
 * @param msalTimeout how long one silent token call may take before it counts as a network failure
 */
public record PartnerCenterAuthConfig(
        String clientId, String tenantId, URI authority, String scope, Path tokenCachePath, Duration msalTimeout) {

    public static final String DEFAULT_SCOPE = "https://api.partner.microsoft.com/.default";

    /**
     * The webhook registration API's scope: the classic Partner Center API, another audience than the Referrals API
     * (pc-webhooks.md §1). Its token is redeemed silently from the same sign-in.
     */
    public static final String WEBHOOK_SCOPE = "https://api.partnercenter.microsoft.com/.default";

    public static final Path DEFAULT_TOKEN_CACHE_PATH = Path.of(".token_cache");
    public static final Duration DEFAULT_MSAL_TIMEOUT = Duration.ofSeconds(60);

    public PartnerCenterAuthConfig {
        clientId = requireText(clientId, "clientId");
        tenantId = requireText(tenantId, "tenantId");
        authority = authority == null ? defaultAuthority(tenantId) : authority;
        if (!"https".equalsIgnoreCase(authority.getScheme()) || authority.getHost() == null) {
            // MSAL rejects anything else at build time; failing here gives a message that names the setting.
            throw new IllegalArgumentException(
                    "authority must be an https URL such as https://login.microsoftonline.com/" + tenantId + " (was "
                            + authority + ")");
        }
        scope = scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope.strip();
        tokenCachePath = tokenCachePath == null ? DEFAULT_TOKEN_CACHE_PATH : tokenCachePath;
        msalTimeout = msalTimeout == null ? DEFAULT_MSAL_TIMEOUT : msalTimeout;
        if (msalTimeout.isNegative() || msalTimeout.isZero()) {
            throw new IllegalArgumentException("msalTimeout must be positive");
        }
    }

    /** Every optional setting at its default. */
    public static PartnerCenterAuthConfig of(String clientId, String tenantId) {
        return new PartnerCenterAuthConfig(clientId, tenantId, null, null, null, null);
    }

    public static URI defaultAuthority(String tenantId) {
        return URI.create("https://login.microsoftonline.com/" + requireText(tenantId, "tenantId"));
    }

    public PartnerCenterAuthConfig withAuthority(URI value) {
        return new PartnerCenterAuthConfig(clientId, tenantId, value, scope, tokenCachePath, msalTimeout);
    }

    public PartnerCenterAuthConfig withScope(String value) {
        return new PartnerCenterAuthConfig(clientId, tenantId, authority, value, tokenCachePath, msalTimeout);
    }

    public PartnerCenterAuthConfig withTokenCachePath(Path value) {
        return new PartnerCenterAuthConfig(clientId, tenantId, authority, scope, value, msalTimeout);
    }

    public PartnerCenterAuthConfig withMsalTimeout(Duration value) {
        return new PartnerCenterAuthConfig(clientId, tenantId, authority, scope, tokenCachePath, value);
    }

    /** The authority as MSAL wants it: with a trailing slash. MSAL lower-cases it anyway. */
    String authorityForMsal() {
        String text = authority.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    String authorityHost() {
        return authority.getHost().toLowerCase(Locale.ROOT);
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }
}
