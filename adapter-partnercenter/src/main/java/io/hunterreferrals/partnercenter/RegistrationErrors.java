package io.hunterreferrals.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.webhook.WebhookRegistryErrorCode;
import io.hunterreferrals.core.webhook.WebhookRegistryException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * The webhook registration API's failures as {@link WebhookRegistryException}s: a stable code, what to do, and Partner
 * Center's request id whenever a response carried one. Roles and permissions are from pc-webhooks.md §1.
 */
final class RegistrationErrors {

    static final String LOGIN = "`" + MsalAccessTokens.LOGIN_COMMAND + "`";

    private static final String PERMISSION = "The app registration needs the delegated Partner Center API permission"
            + " (Microsoft Partner Center, user_impersonation; token scope " + PartnerCenterAuthConfig.WEBHOOK_SCOPE
            + ") with admin consent; then run " + LOGIN + ".";

    private static final String ROLES = "The signed-in user needs a Partner Center role the webhook API accepts: Admin"
            + " agent, Billing admin, Sales agent or Helpdesk agent (older docs also list Global admin). The Referral"
            + " admin role alone is not documented to be enough.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 200;

    private RegistrationErrors() {}

    /** {@code MS-RequestId} as Partner Center's classic API echoes it, else the gateway's request ids. */
    static Optional<String> requestId(HttpHeaders headers) {
        return headers.firstValue("MS-RequestId")
                .or(() -> Optional.ofNullable(ResponseHeaders.requestId(headers)))
                .filter(v -> !v.isBlank());
    }

    /** The token source has no token for the webhook scope (no sign-in, or no consent for this audience). */
    static WebhookRegistryException noToken(ReferralSourceException e) {
        return new WebhookRegistryException(
                WebhookRegistryErrorCode.SIGN_IN_REQUIRED,
                "No token for Partner Center's webhook API (" + e.errorCode().orElse("sign-in required") + "). "
                        + PERMISSION,
                Optional.empty(),
                Optional.empty());
    }

    /** 401 again after a refreshed token: the token is not one this API takes. */
    static WebhookRegistryException tokenRefused(Optional<String> requestId) {
        return new WebhookRegistryException(
                WebhookRegistryErrorCode.SIGN_IN_REQUIRED,
                "Partner Center's webhook API refused the token even after a refresh (401, request id "
                        + requestId.orElse("none") + "). " + PERMISSION,
                Optional.of(401),
                requestId);
    }

    static WebhookRegistryException unavailable(
            String what, RetryReason reason, Integer status, int attempts, Optional<String> requestId) {
        String cause = switch (reason) {
            case TIMEOUT -> "no answer in time";
            case CONNECTION_FAILED -> "no connection";
            default -> "HTTP " + status;
        };
        return new WebhookRegistryException(
                WebhookRegistryErrorCode.UNAVAILABLE,
                "Partner Center's webhook API failed while " + what + " (" + cause + ") after " + attempts
                        + " attempt(s); request id " + requestId.orElse("none") + ". Try again later.",
                Optional.ofNullable(status),
                requestId);
    }

    /** Any 4xx but 401 (and a 404 the operation does not read as an answer). */
    static WebhookRegistryException refused(RegistrationCaller.Response r, String what) {
        ErrorBody error = errorBody(r.body());
        // The classic API's numeric code often repeats the status; it is left out then.
        boolean codeSaysMore = error.code() != null && !error.code().equals(Integer.toString(r.status()));
        String detail = r.status() + (codeSaysMore ? " " + error.code() : "")
                + (error.message() == null ? "" : ": " + error.message()) + ", request id "
                + r.requestId().orElse("none");
        Optional<Integer> status = Optional.of(r.status());
        if (r.status() == 403) {
            return new WebhookRegistryException(
                    WebhookRegistryErrorCode.FORBIDDEN,
                    "Partner Center refused " + what + " (" + detail + "). " + ROLES,
                    status,
                    r.requestId());
        }
        if (r.status() == 429) {
            String wait = r.retryAfter()
                    .map(d -> "after " + Math.max(1, d.toSeconds()) + " s")
                    .orElse("in a minute");
            return new WebhookRegistryException(
                    WebhookRegistryErrorCode.THROTTLED,
                    "Partner Center throttled " + what + " (" + detail
                            + (r.retryAfter().isPresent()
                                    ? ", Retry-After "
                                            + r.retryAfter()
                                                    .map(Duration::toSeconds)
                                                    .get() + " s"
                                    : "")
                            + "). The test event allows two calls a minute; try again " + wait + ".",
                    status,
                    r.requestId());
        }
        String hint = r.status() == 409
                ? " The tenant has a registration already (another tool's, perhaps): read it, and replace it only on"
                        + " purpose."
                : "";
        return new WebhookRegistryException(
                WebhookRegistryErrorCode.REJECTED,
                "Partner Center refused " + what + " (" + detail + ")." + hint,
                status,
                r.requestId());
    }

    /** A 2xx whose body is not what the operation returns. */
    static WebhookRegistryException unexpected(RegistrationCaller.Response r, String what, String problem) {
        return new WebhookRegistryException(
                WebhookRegistryErrorCode.UNAVAILABLE,
                "Partner Center answered " + what + " with " + r.status() + " but " + problem + " (request id "
                        + r.requestId().orElse("none") + "). Try again; report the request id if it persists.",
                Optional.of(r.status()),
                r.requestId());
    }

    /**
     * Partner Center's error shapes: {@code {"error":{"code","message"}}} and the gateway's {@code {"message"}}
     * ({@link ErrorBody}), or the classic API's {@code {"code","errorName","description"}}.
     */
    static ErrorBody errorBody(String body) {
        ErrorBody parsed = ErrorBody.parse(body);
        if (parsed.code() != null && parsed.message() != null) {
            return parsed;
        }
        try {
            JsonNode root = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (root == null || !root.isObject()) {
                return parsed;
            }
            String code = parsed.code() != null ? parsed.code() : first(root, "errorName", "code");
            String message = parsed.message() != null ? parsed.message() : first(root, "description", "errorMessage");
            return new ErrorBody(code, shorten(message));
        } catch (IOException e) {
            return parsed;
        }
    }

    private static String first(JsonNode root, String... names) {
        for (String name : names) {
            JsonNode n = RegistrationJson.field(root, name);
            if (n.isValueNode() && !n.isNull() && !n.asText().isBlank()) {
                return n.asText().strip();
            }
        }
        return null;
    }

    private static String shorten(String s) {
        if (s == null) {
            return null;
        }
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }
}
