package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.simulator.WebhookDelivery.Attempt;
import java.util.List;
import java.util.Map;

/** Deliveries as JSON: the validationEvents status document, and the admin endpoint's delivery log. */
final class WebhookJson {

    /** .NET's HttpStatusCode names, which the validation results show as responseCode (e.g. "OK"). */
    private static final Map<Integer, String> STATUS_NAMES = Map.ofEntries(
            Map.entry(200, "OK"),
            Map.entry(201, "Created"),
            Map.entry(202, "Accepted"),
            Map.entry(204, "NoContent"),
            Map.entry(301, "MovedPermanently"),
            Map.entry(302, "Redirect"),
            Map.entry(400, "BadRequest"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "NotFound"),
            Map.entry(405, "MethodNotAllowed"),
            Map.entry(408, "RequestTimeout"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "RequestEntityTooLarge"),
            Map.entry(415, "UnsupportedMediaType"),
            Map.entry(429, "TooManyRequests"),
            Map.entry(500, "InternalServerError"),
            Map.entry(502, "BadGateway"),
            Map.entry(503, "ServiceUnavailable"),
            Map.entry(504, "GatewayTimeout"));

    private WebhookJson() {}

    /**
     * {@code {correlationId, partnerId, status, callbackUrl, results:[{responseCode, responseMessage, systemError,
     * dateTimeUtc}]}}, one result per attempt (pc-webhooks.md §3).
     */
    static ObjectNode validation(WebhookDelivery d, String partnerId) {
        ObjectNode o = Json.object()
                .put("correlationId", d.correlationId())
                .put("partnerId", partnerId)
                .put(
                        "status",
                        switch (d.status()) {
                            case PENDING -> "pending";
                            case DELIVERED -> "completed";
                            case DROPPED, LOST -> "failed";
                        })
                .put("callbackUrl", d.url().toString());
        ArrayNode results = o.putArray("results");
        d.attempts()
                .forEach(a -> results.addObject()
                        .put("responseCode", a.statusCode() < 0 ? null : responseCode(a.statusCode()))
                        .put("responseMessage", a.response())
                        .put("systemError", a.error())
                        .put("dateTimeUtc", Timestamps.format(a.at())));
        return o;
    }

    static String responseCode(int status) {
        return STATUS_NAMES.getOrDefault(status, Integer.toString(status));
    }

    /** The admin view: {@code {"paused", "deliveries":[...]}}; signatures shown, they are not secrets. */
    static ObjectNode deliveries(List<WebhookDelivery> all, boolean paused) {
        ObjectNode o = Json.object().put("paused", paused);
        ArrayNode a = o.putArray("deliveries");
        all.forEach(d -> a.add(delivery(d)));
        return o;
    }

    static ObjectNode delivery(WebhookDelivery d) {
        ObjectNode o = Json.object()
                .put("id", d.id())
                .put("eventName", d.eventName())
                .put("referralId", d.referralId())
                .put("url", d.url().toString())
                .put("status", d.status().name())
                .put("raisedAt", d.raisedAt().toString())
                .put("correlationId", d.correlationId())
                .put("body", d.body());
        ObjectNode headers = o.putObject("headers");
        d.headers().forEach(headers::put);
        ArrayNode attempts = o.putArray("attempts");
        for (Attempt at : d.attempts()) {
            attempts.addObject()
                    .put("number", at.number())
                    .put("at", at.at().toString())
                    .put("statusCode", at.statusCode())
                    .put("error", at.error())
                    .put("response", at.response());
        }
        return o;
    }
}
