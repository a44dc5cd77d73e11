package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registration API on the classic host's paths: events, GET/POST/PUT, 409, 404, 400, the one-URL rule. */
class WebhookRegistrationApiTest {

    private static final URI URL = URI.create("https://hunter.example.com/webhooks/partner-center?k=abc");

    private PartnerCenterSimulator sim;
    private WebhookCalls api;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder().referrals(3).build().start();
        api = WebhookCalls.of(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void listsTheSupportedEvents() {
        Http.Response r = api.get(WebhookCalls.REGISTRATION + "/events");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.body())
                .contains(
                        "\"referral-created\"",
                        "\"referral-updated\"",
                        "\"related-referral-created\"",
                        "\"related-referral-updated\"",
                        "\"test-created\"",
                        "\"subscription-updated\"");
    }

    @Test
    void createsGetsRefusesASecondAndReplaces() {
        assertThat(api.get(WebhookCalls.REGISTRATION).status()).isEqualTo(404);
        assertThat(api.get(WebhookCalls.REGISTRATION).json().path("description").asText())
                .isNotBlank();

        Http.Response created = api.register(URL, true, "referral-created", "referral-updated");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("SubscriberId").asText()).isEqualTo(sim.identity().tenantId());
        assertThat(body.path("WebhookUrl").asText()).isEqualTo(URL.toString());
        assertThat(body.path("WebhookEvents").toString()).isEqualTo("[\"referral-created\",\"referral-updated\"]");
        assertThat(body.path("SignatureTokenToMsSignatureHeader").asBoolean()).isTrue();
        assertThat(body.path("LastModifiedTimestamp").asText()).isNotBlank();
        assertThat(api.get(WebhookCalls.REGISTRATION).json()).isEqualTo(body);

        Http.Response second = api.register(URI.create("https://other.example.com/hook"), false, "referral-created");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("description").asText()).contains("registration already exists, use PUT");

        URI moved = URI.create("https://hunter.example.com/new-path");
        Http.Response replaced =
                api.put(WebhookCalls.REGISTRATION, WebhookCalls.body(moved, false, "referral-updated", "test-created"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("WebhookUrl").asText()).isEqualTo(moved.toString());
        // One URL per tenant: the old one is gone, not kept beside the new one.
        WebhookRegistration now = sim.webhooks().registration().orElseThrow();
        assertThat(now.webhookUrl()).isEqualTo(moved);
        assertThat(now.webhookEvents()).containsExactly("referral-updated", "test-created");
        assertThat(now.signatureTokenToMsSignatureHeader()).isFalse();
        assertThat(now.ownedByAnotherTool()).isFalse();
    }

    @Test
    void putWithoutARegistrationIs404() {
        Http.Response r = api.put(WebhookCalls.REGISTRATION, WebhookCalls.body(URL, false, "referral-created"));

        assertThat(r.status()).isEqualTo(404);
        assertThat(sim.webhooks().registration()).isEmpty();
    }

    @Test
    void readsPropertyNamesCaseInsensitively() {
        Http.Response r = api.post(
                WebhookCalls.REGISTRATION,
                "{\"webhookUrl\":\"" + URL + "\",\"webhookEvents\":[\"Referral-Created\"],"
                        + "\"signatureTokenToMsSignatureHeader\":true}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("WebhookEvents").toString()).isEqualTo("[\"referral-created\"]");
        assertThat(r.json().path("SignatureTokenToMsSignatureHeader").asBoolean())
                .isTrue();
    }

    @Test
    void refusesBadBodiesWith400() {
        assertThat(api.register(URL, false, "referral-deleted").status()).isEqualTo(400);
        assertThat(api.register(URL, false, "referral-deleted")
                        .json()
                        .path("description")
                        .asText())
                .contains("referral-deleted");
        assertThat(api.register(URI.create("/relative/hook"), false, "referral-created")
                        .status())
                .isEqualTo(400);
        assertThat(api.register(URI.create("ftp://files.example.com/hook"), false, "referral-created")
                        .status())
                .isEqualTo(400);
        assertThat(api.register(URL, false).status()).isEqualTo(400);
        assertThat(api.post(WebhookCalls.REGISTRATION, "{\"WebhookEvents\":[\"referral-created\"]}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(WebhookCalls.REGISTRATION, "not json").status()).isEqualTo(400);
        assertThat(sim.webhooks().registration()).isEmpty();
    }

    @Test
    void echoesOrMintsRequestAndCorrelationIdsAndJournalsTheCall() {
        Http.Response echoed = api.send(
                "GET",
                WebhookCalls.REGISTRATION + "/events",
                "",
                Map.of("ms-requestid", "req-1", "MS-CorrelationId", "corr-1"));
        Http.Response minted = api.get(WebhookCalls.REGISTRATION + "/events");

        assertThat(echoed.header("MS-RequestId")).isEqualTo("req-1");
        assertThat(echoed.header("MS-CorrelationId")).isEqualTo("corr-1");
        assertThat(minted.header("MS-RequestId")).isNotBlank();
        assertThat(minted.header("MS-CorrelationId")).isNotBlank();
        assertThat(sim.journal().toPath(WebhookCalls.REGISTRATION))
                .hasSize(2)
                .allSatisfy(req -> assertThat(req.hasAuthorization()).isTrue());
    }

    @Test
    void aRetriedPostWithTheSameRequestIdGetsTheFirstAnswer() {
        Map<String, String> id = Map.of("ms-requestid", "retry-me");
        String body = WebhookCalls.body(URL, false, "referral-created");

        Http.Response first = api.send("POST", WebhookCalls.REGISTRATION, body, id);
        Http.Response retry = api.send("POST", WebhookCalls.REGISTRATION, body, id);
        Http.Response other = api.send("POST", WebhookCalls.REGISTRATION, body, Map.of("ms-requestid", "new"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(409);
    }

    @Test
    void seededRegistrationIsWhatTheApiShows() {
        sim.webhooks().seedCoSellConnector();

        JsonNode shown = api.get(WebhookCalls.REGISTRATION).json();

        assertThat(shown.path("WebhookUrl").asText()).isEqualTo(SimulatedWebhooks.CO_SELL_CONNECTOR_URL.toString());
        assertThat(shown.path("WebhookEvents")).hasSize(4);
        assertThat(api.register(URL, false, "referral-created").status()).isEqualTo(409);

        sim.webhooks().clearRegistration();
        assertThat(api.get(WebhookCalls.REGISTRATION).status()).isEqualTo(404);
        assertThat(sim.webhooks().awaitIdle(Duration.ofSeconds(1))).isTrue();
    }
}
