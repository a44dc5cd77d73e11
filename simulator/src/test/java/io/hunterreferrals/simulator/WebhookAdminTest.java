package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook levers over HTTP under /_simulator/webhooks/, for the demo and tests in other processes. */
class WebhookAdminTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WebhookReceiver receiver = new WebhookReceiver();
    private PartnerCenterSimulator sim;
    private String admin;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder()
                .referrals(2)
                .webhookRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(1))
                .build()
                .start();
        admin = sim.baseUrl() + "/_simulator/webhooks";
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    private Http.Response send(String method, String path, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(admin + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void seedsListsPausesResendsAndClears() {
        Http.Response seeded = send("POST", "/registration", "{\"webhookUrl\":\"" + receiver.url("/x") + "\"}");
        assertThat(seeded.status()).isEqualTo(200);
        assertThat(seeded.json().path("WebhookEvents")).hasSize(4);
        assertThat(sim.webhooks().registration().orElseThrow().ownedByAnotherTool())
                .isTrue();

        Http.post(sim.baseUrl() + "/_simulator/referrals?count=1");
        receiver.await(1, WAIT); // a loopback URL is called even when another tool registered it
        assertThat(Http.post(admin + "/pause").status()).isEqualTo(204);
        Http.post(
                sim.baseUrl() + "/_simulator/referrals/" + sim.referrals().ids().getFirst() + "/touch");
        assertThat(Http.post(admin + "/resume").status()).isEqualTo(204);
        JsonNode resent = Http.post(admin + "/resend-last").json();
        receiver.await(2, WAIT);
        assertThat(sim.webhooks().awaitIdle(WAIT)).isTrue();

        JsonNode log = Http.get(admin + "/deliveries", null).json();
        assertThat(log.path("paused").asBoolean()).isFalse();
        assertThat(log.path("deliveries")).hasSize(3);
        assertThat(log.path("deliveries").get(0).path("status").asText()).isEqualTo("DELIVERED");
        assertThat(log.path("deliveries")
                        .get(0)
                        .path("attempts")
                        .get(0)
                        .path("statusCode")
                        .asInt())
                .isEqualTo(200);
        assertThat(log.path("deliveries")
                        .get(0)
                        .path("headers")
                        .path("X-MS-Signature-Algorithm")
                        .asText())
                .isEqualTo("rsa-sha256");
        assertThat(log.path("deliveries").get(1).path("status").asText()).isEqualTo("LOST");
        // resend-last repeats the newest referral event, the lost touch: a duplicate for the product to dedupe.
        assertThat(resent.path("body").asText())
                .isEqualTo(log.path("deliveries").get(1).path("body").asText());

        assertThat(send("DELETE", "/deliveries", "").status()).isEqualTo(204);
        assertThat(send("DELETE", "/registration", "").status()).isEqualTo(204);
        assertThat(sim.webhooks().deliveries()).isEmpty();
        assertThat(Http.get(admin + "/registration", null).status()).isEqualTo(404);
    }

    @Test
    void presetsTheCoSellConnectorAndResetsTheThrottle() {
        Http.Response r = Http.post(admin + "/registration?preset=co-sell");

        assertThat(r.json().path("WebhookUrl").asText()).isEqualTo(SimulatedWebhooks.CO_SELL_CONNECTOR_URL.toString());
        assertThat(r.json().path("SignatureTokenToMsSignatureHeader").asBoolean())
                .isTrue();
        assertThat(Http.post(admin + "/validation-throttle/reset?perMinute=10").status())
                .isEqualTo(204);
        assertThat(Http.post(admin + "/resend-last").status()).isEqualTo(400);
        assertThat(Http.post(admin + "/raise?event=related-referral-created&id=nope")
                        .status())
                .isEqualTo(400);
        assertThat(Http.get(admin + "/nowhere", null).status()).isEqualTo(404);
    }
}
