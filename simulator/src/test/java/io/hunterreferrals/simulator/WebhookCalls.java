package io.hunterreferrals.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** Calls to the simulator's webhook registration API with a bearer token, for the webhook tests. */
record WebhookCalls(PartnerCenterSimulator sim, String token) {

    static final String REGISTRATION = "/webhooks/v1/registration";

    /** With a token for the webhook API's audience. */
    static WebhookCalls of(PartnerCenterSimulator sim) {
        return new WebhookCalls(sim, sim.identity().issueAccessToken(PartnerCenterSimulator.WEBHOOK_SCOPE));
    }

    Http.Response get(String path) {
        return Http.get(sim.baseUrl() + path, token);
    }

    Http.Response post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    Http.Response put(String path, String body) {
        return send("PUT", path, body, Map.of());
    }

    Http.Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return Http.send(b.build());
    }

    /** Registers {@code url} for the given events with POST; asserts nothing. */
    Http.Response register(URI url, boolean msSignatureHeader, String... events) {
        return post(REGISTRATION, body(url, msSignatureHeader, events));
    }

    static String body(URI url, boolean msSignatureHeader, String... events) {
        StringBuilder list = new StringBuilder();
        for (String e : events) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(e).append('"');
        }
        return "{\"WebhookUrl\":\"" + url + "\",\"WebhookEvents\":[" + list + "],"
                + "\"SignatureTokenToMsSignatureHeader\":" + msSignatureHeader + "}";
    }
}
