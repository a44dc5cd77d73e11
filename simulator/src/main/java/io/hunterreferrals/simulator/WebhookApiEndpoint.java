package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Partner Center's webhook registration API on the classic host's paths (pc-webhooks.md §1, §3): {@code GET
 * /webhooks/v1/registration/events}, {@code GET|POST|PUT /webhooks/v1/registration}, {@code POST .../validationEvents}
 * and {@code GET .../validationEvents/{correlationId}}. Every call needs a bearer token for
 * {@link PartnerCenterSimulator#WEBHOOK_SCOPE}; every answer carries {@code MS-RequestId} and {@code MS-CorrelationId}.
 */
final class WebhookApiEndpoint {

    static final String PREFIX = "/webhooks/v1/registration";
    private static final String VALIDATION = PREFIX + "/validationEvents";

    private final SimulatedWebhooks webhooks;
    private final BearerAuth auth;
    private final WebhookRequestIds requestIds = new WebhookRequestIds();

    WebhookApiEndpoint(SimulatedWebhooks webhooks, BearerAuth auth) {
        this.webhooks = webhooks;
        this.auth = auth;
    }

    Reply handle(Request r) {
        String requestId =
                r.header("ms-requestid").orElseGet(() -> UUID.randomUUID().toString());
        String correlationId =
                r.header("MS-CorrelationId").orElseGet(() -> UUID.randomUUID().toString());
        Reply reply = auth.problem(r)
                .map(problem -> WebhookErrors.error(401, problem).withHeader("WWW-Authenticate", "Bearer"))
                .orElseGet(() -> requestIds.replayOr(r, () -> route(r)));
        return reply.withHeader("MS-RequestId", requestId).withHeader("MS-CorrelationId", correlationId);
    }

    private Reply route(Request r) {
        String path = r.path();
        String method = r.method();
        if (path.equals(PREFIX + "/events")) {
            return r.isGet() ? Reply.json(200, array(WebhookRegistration.SUPPORTED_EVENTS)) : notAllowed();
        }
        if (path.equals(PREFIX)) {
            return switch (method) {
                case "GET" ->
                    webhooks.registration()
                            .map(reg -> Reply.json(200, json(reg)))
                            .orElseGet(
                                    () -> WebhookErrors.error(404, "No webhook registration exists for this tenant."));
                case "POST", "PUT" -> register(r, method.equals("POST"));
                default -> notAllowed();
            };
        }
        if (path.equals(VALIDATION)) {
            return r.isPost() ? validate() : notAllowed();
        }
        if (path.startsWith(VALIDATION + "/") && path.indexOf('/', VALIDATION.length() + 1) < 0) {
            return r.isGet() ? validationStatus(path.substring(VALIDATION.length() + 1)) : notAllowed();
        }
        return WebhookErrors.error(404, "The webhook API has no resource at " + path + ".");
    }

    private Reply register(Request r, boolean create) {
        WebhookRegistration candidate;
        try {
            candidate = parse(r.body());
        } catch (IllegalArgumentException e) {
            return WebhookErrors.error(400, e.getMessage());
        }
        if (create) {
            // The documented text, cut off in the zh-tw reference; 409 itself is UNCONFIRMED.
            return webhooks.create(candidate)
                    ? Reply.json(201, json(candidate))
                    : WebhookErrors.error(409, "registration already exists, use PUT");
        }
        return webhooks.replace(candidate)
                ? Reply.json(200, json(candidate))
                : WebhookErrors.error(404, "No webhook registration exists for this tenant; use POST.");
    }

    private WebhookRegistration parse(String body) {
        WebhookRegistrationBody b = WebhookRegistrationBody.parse(body, null);
        return new WebhookRegistration(
                webhooks.tenantId(), b.url(), b.events(), b.msSignatureHeader(), webhooks.now(), false);
    }

    private Reply validate() {
        Optional<WebhookRegistration> reg = webhooks.registration();
        if (reg.isEmpty() || !reg.get().listens(WebhookRegistration.TEST_EVENT)) {
            return WebhookErrors.error(400, "Register the test-created event before requesting a validation event.");
        }
        OptionalLong retryAfter = webhooks.throttleValidation();
        if (retryAfter.isPresent()) {
            return WebhookErrors.error(429, "Too many validation events; try again after Retry-After seconds.")
                    .withHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
        }
        return Reply.json(200, Json.object().put("correlationId", webhooks.sendTestEvent()));
    }

    private Reply validationStatus(String correlationId) {
        return webhooks.validation(correlationId)
                .map(d -> Reply.json(200, WebhookJson.validation(d, webhooks.tenantId())))
                .orElseGet(() -> WebhookErrors.error(404, "No validation event with this correlation id."));
    }

    static ObjectNode json(WebhookRegistration reg) {
        ObjectNode o = Json.object()
                .put("SubscriberId", reg.subscriberId())
                .put("WebhookUrl", reg.webhookUrl().toString());
        o.set("WebhookEvents", array(reg.webhookEvents()));
        return o.put("SignatureTokenToMsSignatureHeader", reg.signatureTokenToMsSignatureHeader())
                .put("LastModifiedTimestamp", Timestamps.format(reg.lastModified()));
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static Reply notAllowed() {
        return WebhookErrors.error(405, "The method is not allowed on this resource.");
    }
}
