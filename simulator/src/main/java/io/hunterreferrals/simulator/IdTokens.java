package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Builds the id_token and client_info MSAL needs to create a cached account. The id_token is an unsigned alg:none JWT:
 * MSAL only base64-decodes its payload on the device-code and refresh paths (partner-center-api.md §6.3, §6.7).
 */
final class IdTokens {

    private IdTokens() {}

    static String idToken(
            IdentitySettings settings, String issuerBase, String clientId, Instant now, Instant expiresAt) {
        ObjectNode header = Json.object().put("typ", "JWT").put("alg", "none");
        ObjectNode payload = Json.object()
                .put("aud", clientId)
                .put("iss", issuerBase + "/" + settings.tenantId() + "/v2.0")
                .put("iat", now.getEpochSecond())
                .put("nbf", now.getEpochSecond())
                .put("exp", expiresAt.getEpochSecond())
                .put("name", settings.displayName())
                .put("oid", settings.userObjectId())
                .put("preferred_username", settings.username())
                .put("sub", "sub-" + settings.userObjectId())
                .put("tid", settings.tenantId())
                .put("ver", "2.0");
        return b64(Json.write(header)) + "." + b64(Json.write(payload)) + ".";
    }

    /** base64url of {"uid","utid"}; MSAL builds homeAccountId = uid + "." + utid from it. */
    static String clientInfo(IdentitySettings settings) {
        return b64(Json.write(Json.object().put("uid", settings.userObjectId()).put("utid", settings.tenantId())));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
