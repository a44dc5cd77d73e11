package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST validationEvents sends a signed test-created event; GET shows each attempt; 2 per minute. */
class WebhookValidationEventsTest {

    private static final String VALIDATION = WebhookCalls.REGISTRATION + "/validationEvents";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T09:00:00Z"));
    private final WebhookReceiver receiver = new WebhookReceiver();
    private PartnerCenterSimulator sim;
    private WebhookCalls api;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder()
                .referrals(1)
                .clock(clock)
                .webhookSettings(
                        WebhookSettings.defaults().attempts(3).backoff(Duration.ofMillis(1), Duration.ofMillis(2)))
                .build()
                .start();
        api = WebhookCalls.of(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    @Test
    void needsTestCreatedInTheRegistration() {
        assertThat(api.post(VALIDATION, "").status()).isEqualTo(400);

        api.register(receiver.url("/hook"), false, "referral-created");

        assertThat(api.post(VALIDATION, "").status()).isEqualTo(400);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void sendsASignedTestEventAndReportsItsDelivery() throws Exception {
        URI hook = receiver.url("/hook");
        api.register(hook, true, "referral-created", "test-created");

        Http.Response posted = api.post(VALIDATION, "");
        String correlationId = posted.json().path("correlationId").asText();
        WebhookReceiver.Received got = receiver.await(1, WAIT).getFirst();
        assertThat(sim.webhooks().awaitIdle(WAIT)).isTrue();
        JsonNode status = api.get(VALIDATION + "/" + correlationId).json();

        assertThat(posted.status()).isEqualTo(200);
        assertThat(correlationId).matches("[0-9a-f-]{36}");
        assertThat(got.json().path("EventName").asText()).isEqualTo("test-created");
        assertThat(got.json().path("ResourceName").asText()).isEqualTo("test");
        assertThat(got.json().path("ResourceUri").asText())
                .isEqualTo("https://api.partnercenter.microsoft.com/webhooks/v1/registration/validationEvents/"
                        + correlationId);
        assertThat(WebhookDeliveryTest.verifies(
                        WebhookDeliveryTest.certificate(got.header("X-MS-Certificate-Url")),
                        got.body(),
                        got.header("x-ms-signature")))
                .isTrue();
        assertThat(status.path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(status.path("partnerId").asText()).isEqualTo(sim.identity().tenantId());
        assertThat(status.path("status").asText()).isEqualTo("completed");
        assertThat(status.path("callbackUrl").asText()).isEqualTo(hook.toString());
        assertThat(status.path("results")).hasSize(1);
        JsonNode result = status.path("results").get(0);
        assertThat(result.path("responseCode").asText()).isEqualTo("OK");
        assertThat(result.path("responseMessage").asText()).isEqualTo("thanks");
        assertThat(result.path("systemError").isNull()).isTrue();
        assertThat(result.path("dateTimeUtc").asText()).startsWith("2026-01-10T09:00:00");
    }

    @Test
    void failedAttemptsShowInTheResults() {
        api.register(receiver.url("/hook"), false, "test-created");
        receiver.answer(401);

        String correlationId =
                api.post(VALIDATION, "").json().path("correlationId").asText();
        assertThat(sim.webhooks().awaitIdle(WAIT)).isTrue();
        JsonNode status = api.get(VALIDATION + "/" + correlationId).json();

        assertThat(status.path("status").asText()).isEqualTo("failed");
        assertThat(status.path("results")).hasSize(3);
        assertThat(status.path("results").get(0).path("responseCode").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void anUnknownCorrelationIdIs404() {
        assertThat(api.get(VALIDATION + "/00000000-0000-0000-0000-000000000000").status())
                .isEqualTo(404);
    }

    @Test
    void throttledToTwoPerMinute() {
        api.register(receiver.url("/hook"), false, "test-created");

        assertThat(api.post(VALIDATION, "").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(20));
        assertThat(api.post(VALIDATION, "").status()).isEqualTo(200);
        Http.Response third = api.post(VALIDATION, "");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isEqualTo("40");
        clock.advance(Duration.ofSeconds(40));
        assertThat(api.post(VALIDATION, "").status()).isEqualTo(200);
        assertThat(api.post(VALIDATION, "").status()).isEqualTo(429);

        sim.webhooks().resetValidationThrottle();
        assertThat(api.post(VALIDATION, "").status()).isEqualTo(200);
        sim.webhooks().validationEventsPerMinute(5);
        assertThat(api.post(VALIDATION, "").status()).isEqualTo(200);
        assertThat(receiver.await(5, WAIT)).hasSize(5);
    }
}
