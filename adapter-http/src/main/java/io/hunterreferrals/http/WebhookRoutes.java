package io.hunterreferrals.http;

import io.hunterreferrals.core.webhook.ReceiveWebhook;
import io.hunterreferrals.core.webhook.WebhookCall;
import io.hunterreferrals.core.webhook.WebhookRejection;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/partner-center/webhooks}: Partner Center's referral events (docs/adr/0015). Partner Center cannot
 * send an API key, so {@link ApiKeyFilter} lets this one path through and the call's signature protects it instead. The
 * answer comes as soon as the hint is stored (never after a call to Partner Center, whose timeout is undocumented); a
 * hint that could not be stored gets a 503 so Partner Center tries again.
 */
final class WebhookRoutes {

    static final String PATH = ReceiveWebhook.PATH;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

    private final Optional<ReceiveWebhook> receive;

    WebhookRoutes(Optional<ReceiveWebhook> receive) {
        this.receive = receive;
    }

    void register(RoutesConfig routes) {
        routes.post(PATH, this::receive);
    }

    private void receive(Context ctx) {
        ReceiveWebhook webhooks = receive.orElseThrow(() -> new ApiError(
                503,
                "webhooks_disabled",
                "This server does not take Partner Center webhooks: set HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED=true"));
        long declared = ctx.contentLength();
        if (declared > ReceiveWebhook.MAX_BODY_BYTES) {
            throw rejection(WebhookRejection.TOO_LARGE, "The body has " + declared + " bytes; an event has far fewer");
        }
        Map<String, String> headers = ctx.headerMap();
        ReceiveWebhook.Receipt receipt;
        try {
            receipt = webhooks.receive(new WebhookCall(ctx.bodyAsBytes(), headers));
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("request_id", RequestIds.of(ctx))
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("partner_center_webhook_not_stored");
            throw new ApiError(
                    503,
                    "webhook_not_stored",
                    "The event could not be stored (is the database up?); Partner Center sends it again.");
        }
        switch (receipt) {
            case ReceiveWebhook.Receipt.Accepted accepted ->
                ctx.json(Map.of("status", accepted.offer().code()));
            case ReceiveWebhook.Receipt.Refused refused -> throw rejection(refused.reason(), refused.message());
        }
    }

    private static ApiError rejection(WebhookRejection reason, String message) {
        int status = reason.unauthenticated() ? 401 : reason == WebhookRejection.TOO_LARGE ? 413 : 400;
        return new ApiError(status, "webhook_rejected", message, reason.code());
    }
}
