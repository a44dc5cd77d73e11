package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.simulator.DataverseClientAssertion.Refusal;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Entra ID's v2.0 token endpoint for the client-credentials grant (dataverse.md §1): a client secret, or a
 * certificate's signed client_assertion, for the scope {@code <environment URL>/.default}. Errors as Entra sends them:
 * 401 invalid_client for bad credentials (AADSTS7000215), 400 for the rest.
 */
final class DataverseTokenEndpoint {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final DataverseTokens tokens;
    private final Clock clock;
    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private final X509Certificate certificate;
    /** Resources a token may be asked for: the configured org URL and the simulator's own base URL. */
    private final Supplier<List<String>> resources;

    DataverseTokenEndpoint(
            DataverseTokens tokens,
            Clock clock,
            String tenantId,
            String clientId,
            String clientSecret,
            X509Certificate certificate,
            Supplier<List<String>> resources) {
        this.tokens = tokens;
        this.clock = clock;
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.certificate = certificate;
        this.resources = resources;
    }

    Reply token(Request r, String tenant) {
        Instant now = clock.instant();
        if (!r.isPost()) {
            return OAuthErrors.entraError(
                    400, r, now, "invalid_request", 900561, "The endpoint only accepts POST requests.");
        }
        if (!tenant.equalsIgnoreCase(tenantId)) {
            return OAuthErrors.entraError(
                    400,
                    r,
                    now,
                    "invalid_request",
                    90002,
                    "Tenant '" + tenant + "' not found."
                            + " Check to make sure you have the correct tenant ID and are signing into the "
                            + "correct cloud.");
        }
        Map<String, List<String>> form = r.form();
        String grant = first(form, "grant_type");
        String client = first(form, "client_id");
        if (!grant.equals("client_credentials")) {
            return OAuthErrors.entraError(
                    400,
                    r,
                    now,
                    "unsupported_grant_type",
                    70003,
                    "The app requested an unsupported grant type '" + grant + "'.");
        }
        if (client.isBlank()) {
            return OAuthErrors.entraError(
                    400,
                    r,
                    now,
                    "invalid_request",
                    900144,
                    "The request body must contain the following parameter: 'client_id'.");
        }
        if (!client.equals(clientId)) {
            return OAuthErrors.entraError(
                    400,
                    r,
                    now,
                    "unauthorized_client",
                    700016,
                    "Application with identifier '" + client + "' was not found in the directory '" + tenant + "'.");
        }
        Optional<Reply> refused = authenticate(r, form, tenant, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        String requested = OAuthEndpoint.resourceScope(first(form, "scope"));
        Optional<Reply> badScope = checkScope(r, requested, now);
        if (badScope.isPresent()) {
            return badScope.get();
        }
        long expiresIn = tokens.lifetime().toSeconds();
        // Entra's v2 client-credentials reply has no scope, refresh_token, id_token or client_info.
        ObjectNode body = Json.object()
                .put("token_type", "Bearer")
                .put("expires_in", expiresIn)
                .put("ext_expires_in", expiresIn)
                .put("access_token", tokens.issue(client, requested));
        return Reply.json(200, body);
    }

    private Optional<Reply> authenticate(Request r, Map<String, List<String>> form, String tenant, Instant now) {
        String secret = first(form, "client_secret");
        String assertion = first(form, "client_assertion");
        if (!secret.isEmpty()) {
            if (!secret.equals(clientSecret)) {
                return Optional.of(OAuthErrors.entraError(
                        401,
                        r,
                        now,
                        "invalid_client",
                        7000215,
                        "Invalid client secret provided. Ensure the secret being sent in the request is the client"
                                + " secret value, not the client secret ID, for a secret added to app '" + clientId
                                + "'."));
            }
            return Optional.empty();
        }
        if (assertion.isEmpty()) {
            return Optional.of(OAuthErrors.entraError(
                    401,
                    r,
                    now,
                    "invalid_client",
                    7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."));
        }
        if (!JWT_BEARER.equals(first(form, "client_assertion_type"))) {
            return Optional.of(OAuthErrors.entraError(
                    400,
                    r,
                    now,
                    "invalid_request",
                    900144,
                    "The request body must contain the following parameter: 'client_assertion_type'."));
        }
        Optional<Refusal> refusal = DataverseClientAssertion.check(assertion, clientId, tenant, certificate, now);
        return refusal.map(f -> OAuthErrors.entraError(401, r, now, "invalid_client", f.aadsts(), f.message()));
    }

    private Optional<Reply> checkScope(Request r, String scope, Instant now) {
        if (scope.isEmpty() || scope.contains(" ") || !scope.endsWith("/.default")) {
            return Optional.of(OAuthErrors.entraError(
                    400,
                    r,
                    now,
                    "invalid_scope",
                    1002012,
                    "The provided value for"
                            + " scope " + scope + " is not valid. Client credential flows must have a scope value with"
                            + " /.default suffixed to the resource identifier (application ID URI)."));
        }
        String resource = trimSlashes(scope.substring(0, scope.length() - "/.default".length()));
        boolean known = resources.get().stream().anyMatch(u -> trimSlashes(u).equalsIgnoreCase(resource));
        if (!known) {
            return Optional.of(OAuthErrors.entraError(
                    400,
                    r,
                    now,
                    "invalid_resource",
                    500011,
                    "The resource principal"
                            + " named " + resource + " was not found in the tenant named " + tenantId
                            + ". This can happen if"
                            + " the application has not been installed by the administrator of the tenant."));
        }
        return Optional.empty();
    }

    private static String trimSlashes(String url) {
        String s = url;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }
}
