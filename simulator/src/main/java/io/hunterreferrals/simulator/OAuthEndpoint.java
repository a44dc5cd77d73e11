package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.simulator.Redemption.Failed;
import io.hunterreferrals.simulator.Redemption.Issued;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Entra ID's v2.0 device-code and token endpoints, speaking exactly what MSAL4J 1.26.0 sends and expects
 * (partner-center-api.md §6.3): form posts in, JSON out, errors as 400 {error, error_description}.
 */
final class OAuthEndpoint {

    /**
     * MSAL adds these to every request; the token response must echo only the resource scope, or MSAL's cache misses.
     */
    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");

    private final SimulatedIdentity identity;
    private final Clock clock;
    private final Supplier<String> baseUrl;

    OAuthEndpoint(SimulatedIdentity identity, Clock clock, Supplier<String> baseUrl) {
        this.identity = identity;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    Reply deviceCode(Request request, String tenant) {
        if (!request.isPost()) {
            return OAuthErrors.error(
                    request,
                    clock.instant(),
                    "invalid_request",
                    "AADSTS900561: The endpoint only accepts POST requests.");
        }
        Map<String, List<String>> form = request.form();
        String clientId = first(form, "client_id");
        if (clientId.isBlank()) {
            return OAuthErrors.error(
                    request,
                    clock.instant(),
                    "invalid_request",
                    "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        }
        String scope = resourceScope(first(form, "scope"));
        if (scope.isEmpty()) {
            return OAuthErrors.error(
                    request,
                    clock.instant(),
                    "invalid_request",
                    "AADSTS900144: The request body must contain the following parameter: 'scope'.");
        }
        DeviceAuthorization d = identity.startDeviceAuthorization(clientId, tenant, scope);
        String verificationUri = baseUrl.get() + DeviceLoginPage.PATH;
        long expiresIn = identity.settings().deviceCodeLifetime().toSeconds();
        ObjectNode body = Json.object()
                .put("user_code", d.userCode)
                .put("device_code", d.deviceCode)
                .put("verification_uri", verificationUri)
                .put("expires_in", expiresIn)
                .put("interval", identity.settings().pollIntervalSeconds())
                .put(
                        "message",
                        "To sign in, use a web browser to open the page " + verificationUri + " and enter the code "
                                + d.userCode + " to authenticate.");
        return Reply.json(200, body);
    }

    Reply token(Request request, String tenant) {
        Instant now = clock.instant();
        if (!request.isPost()) {
            return OAuthErrors.error(
                    request, now, "invalid_request", "AADSTS900561: The endpoint only accepts POST requests.");
        }
        Map<String, List<String>> form = request.form();
        String grantType = first(form, "grant_type");
        String clientId = first(form, "client_id");
        String scope = resourceScope(first(form, "scope"));
        if (clientId.isBlank()) {
            return OAuthErrors.error(
                    request,
                    now,
                    "invalid_request",
                    "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        }
        Redemption outcome = switch (grantType) {
            // MSAL sends the bare "device_code"; the RFC 8628 URN is accepted too, as Entra ID does.
            case "device_code", "urn:ietf:params:oauth:grant-type:device_code" ->
                identity.redeemDeviceCode(first(form, "device_code"), clientId, tenant, scope);
            case "refresh_token" -> identity.redeemRefreshToken(first(form, "refresh_token"), clientId, scope);
            default ->
                new Failed(
                        "unsupported_grant_type",
                        "AADSTS70003: The app requested an unsupported grant type '" + grantType + "'.");
        };
        return switch (outcome) {
            case Failed f -> OAuthErrors.error(request, now, f.error(), f.description(), f.suberror());
            case Issued issued -> success(issued, now);
        };
    }

    private Reply success(Issued issued, Instant now) {
        IdentitySettings settings = identity.settings();
        Instant expiresAt = now.plusSeconds(issued.expiresInSeconds());
        ObjectNode body = Json.object()
                .put("token_type", "Bearer")
                .put("scope", issued.scope())
                .put("expires_in", issued.expiresInSeconds())
                .put("ext_expires_in", issued.expiresInSeconds())
                .put("access_token", issued.accessToken())
                .put("refresh_token", issued.refreshToken())
                .put("id_token", IdTokens.idToken(settings, baseUrl.get(), issued.clientId(), now, expiresAt))
                .put("client_info", IdTokens.clientInfo(settings));
        return Reply.json(200, body);
    }

    /**
     * The requested scopes minus the OIDC ones MSAL adds, in the order asked for; "" when nothing was requested, so the
     * caller can fall back to the scope of the original grant.
     */
    static String resourceScope(String requested) {
        if (requested.isBlank()) {
            return "";
        }
        String resource = Arrays.stream(requested.trim().split("\\s+"))
                .filter(s -> !s.isEmpty() && !OIDC_SCOPES.contains(s.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(" "));
        return resource.isEmpty() ? "openid profile" : resource;
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }
}
