package io.hunterreferrals.simulator;

import java.util.Optional;

/**
 * The webhook levers under {@code /_simulator/webhooks/}, for the standalone demo and tests in other processes; the
 * Java ones are on {@link SimulatedWebhooks}. Errors are thrown as IllegalArgumentException and friends, which
 * {@link AdminEndpoint} turns into 400s.
 */
final class WebhookAdmin {

    static final String PREFIX = "/webhooks/";

    private final SimulatedWebhooks webhooks;

    WebhookAdmin(SimulatedWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** @param path the admin path without {@code /_simulator}, starting with {@link #PREFIX} */
    Optional<Reply> handle(Request r, String path) {
        Reply reply = switch (r.method() + " " + path.substring(PREFIX.length() - 1)) {
            case "GET /deliveries" -> ok(WebhookJson.deliveries(webhooks.deliveries(), webhooks.paused()));
            case "DELETE /deliveries" -> {
                webhooks.clearDeliveries();
                yield Reply.noContent();
            }
            case "POST /pause" -> {
                webhooks.pause();
                yield Reply.noContent();
            }
            case "POST /resume" -> {
                webhooks.resume();
                yield Reply.noContent();
            }
            case "GET /registration" ->
                webhooks.registration()
                        .map(reg -> ok(WebhookApiEndpoint.json(reg)))
                        .orElseGet(() -> ApiErrors.notFound("No webhook registration."));
            case "POST /registration" -> ok(WebhookApiEndpoint.json(seed(r)));
            case "DELETE /registration" -> {
                webhooks.clearRegistration();
                yield Reply.noContent();
            }
            case "POST /resend-last" ->
                ok(WebhookJson.delivery(
                        r.param("referralId").map(webhooks::resend).orElseGet(webhooks::resendLast)));
            case "POST /raise" -> {
                String event = r.param("event").orElseThrow(() -> new IllegalArgumentException("event is required"));
                String id = r.param("id").orElseThrow(() -> new IllegalArgumentException("id is required"));
                yield webhooks.raise(event, id)
                        .map(d -> ok(WebhookJson.delivery(d)))
                        .orElseGet(Reply::noContent);
            }
            case "POST /validation-throttle/reset" -> {
                r.param("perMinute").map(Integer::parseInt).ifPresent(webhooks::validationEventsPerMinute);
                webhooks.resetValidationThrottle();
                yield Reply.noContent();
            }
            default -> null;
        };
        return Optional.ofNullable(reply);
    }

    /** {@code ?preset=co-sell}, or a registration body (WebhookEvents optional: the 4 referral events). */
    private WebhookRegistration seed(Request r) {
        if (r.param("preset").filter("co-sell"::equalsIgnoreCase).isPresent()) {
            return webhooks.seedCoSellConnector();
        }
        WebhookRegistrationBody b = WebhookRegistrationBody.parse(r.body(), WebhookRegistration.REFERRAL_EVENTS);
        return webhooks.seedRegistration(b.url(), b.events(), b.msSignatureHeader());
    }

    private static Reply ok(com.fasterxml.jackson.databind.node.ObjectNode body) {
        return Reply.json(200, body);
    }
}
