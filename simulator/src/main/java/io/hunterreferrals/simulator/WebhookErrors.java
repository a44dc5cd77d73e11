package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The error body of the classic Partner Center API the webhook paths live on: {@code {"code","description","data",
 * "source"}}, not the Referrals API's {@code {"error":{...}}}. The shape for webhook calls is UNCONFIRMED (no source
 * shows one); clients should branch on the status code.
 */
final class WebhookErrors {

    private WebhookErrors() {}

    static Reply error(int status, String description) {
        ObjectNode body = Json.object().put("code", status).put("description", description);
        body.putArray("data");
        body.put("source", "PartnerFD");
        return Reply.json(status, body);
    }
}
