package io.hunterreferrals.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.testing.InMemoryHintQueue;
import io.hunterreferrals.core.webhook.HintEvent;
import io.hunterreferrals.core.webhook.ReceiveWebhook;
import io.hunterreferrals.core.webhook.ReferralHint;
import io.hunterreferrals.core.webhook.WebhookCall;
import io.hunterreferrals.core.webhook.WebhookListener;
import io.hunterreferrals.core.webhook.WebhookReader;
import io.hunterreferrals.core.webhook.WebhookReading;
import io.hunterreferrals.core.webhook.WebhookRejection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook endpoint over real HTTP: open to Partner Center without the API key, answering from the reader's verdict
 * (the signature checks themselves are the Partner Center adapter's, tested there and end to end).
 */
class WebhookRoutesTest {

    private static final String PATH = "/api/v1/partner-center/webhooks";
    private static final Instant CHANGED = Instant.parse("2026-12-04T09:00:00Z");

    private final InMemoryHintQueue queue = new InMemoryHintQueue();
    private final List<WebhookCall> calls = new ArrayList<>();
    /** Accepts a call whose body says "good" and names r-1; refuses the rest as a bad signature. */
    private final WebhookReader reader = call -> {
        calls.add(call);
        String body = new String(call.body(), StandardCharsets.UTF_8);
        if (body.contains("good")) {
            return new WebhookReading.Hint(
                    new ReferralHint(HintEvent.REFERRAL_CREATED, new ReferralId("r-1"), CHANGED));
        }
        if (body.contains("garbled")) {
            return new WebhookReading.Rejected(WebhookRejection.MALFORMED, "The event has no ResourceUri");
        }
        return new WebhookReading.Rejected(WebhookRejection.BAD_SIGNATURE, "The signature does not verify");
    };

    private final ApiFixture api = ApiFixture.start(
            HttpApi.Role.API,
            b -> b.apiKeys(ApiKeys.fromSetting(ApiFixture.KEY))
                    .webhooks(new ReceiveWebhook(reader, queue, Clock.systemUTC(), WebhookListener.NONE), queue));

    @AfterEach
    void stop() {
        api.close();
    }

    private ApiFixture.Response call(String body, String... headers) {
        return api.post(PATH, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    void aSignedEventIsStoredOnceWithoutAnApiKeyAndItsRawBytesAndHeadersReachTheReader() {
        ApiFixture.Response first =
                call("{\"good\":1}", "Authorization", "Signature abc", "X-MS-Signature-Algorithm", "rsa-sha256");
        ApiFixture.Response again = call("{\"good\":1}", "Authorization", "Signature abc");

        assertThat(first.status()).as(first::toString).isEqualTo(200);
        assertThat(first.json().get("status").asText()).isEqualTo("queued");
        assertThat(again.json().get("status").asText()).isEqualTo("duplicate");
        assertThat(queue.rows()).hasSize(1);
        assertThat(calls.getFirst().body()).isEqualTo("{\"good\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(calls.getFirst().header("authorization")).contains("Signature abc");
        assertThat(calls.getFirst().header("x-ms-signature-algorithm")).contains("rsa-sha256");
    }

    @Test
    void aForgedCallIs401AndABadBody400AndNothingIsStored() {
        ApiFixture.Response forged = call("{\"forged\":1}", "Authorization", "Signature abc");
        ApiFixture.Response garbled = call("{\"garbled\":1}", "Authorization", "Signature abc");

        assertThat(forged.status()).as(forged::toString).isEqualTo(401);
        assertThat(forged.json().at("/error/code").asText()).isEqualTo("webhook_rejected");
        assertThat(forged.json().at("/error/reason").asText()).isEqualTo("bad_signature");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().at("/error/reason").asText()).isEqualTo("malformed");
        assertThat(queue.rows()).isEmpty();
    }

    @Test
    void aBodyLargerThanAnyEventIs413UnreadAndOtherApiPathsStillNeedTheKey() {
        ApiFixture.Response huge = call("x".repeat(ReceiveWebhook.MAX_BODY_BYTES + 1));

        assertThat(huge.status()).as(huge::toString).isEqualTo(413);
        assertThat(calls).isEmpty();
        assertThat(api.get("/api/v1/partner-center/referrals").status()).isEqualTo(401);
        assertThat(api.get(PATH).status()).as("only POST is open").isEqualTo(401);
    }

    @Test
    void healthShowsTheWebhookActivity() {
        call("{\"good\":1}");

        var webhooks = api.get("/healthz").json().get("webhooks");

        assertThat(webhooks.get("last_event").asText()).isEqualTo("referral-created");
        assertThat(webhooks.get("pending").asInt()).isEqualTo(1);
        assertThat(webhooks.get("last_test_received_at").isNull()).isTrue();
    }

    @Test
    void withoutWebhooksTheEndpointSaysHowToTurnThemOn() {
        try (ApiFixture off = ApiFixture.start(HttpApi.Role.API, b -> {})) {
            ApiFixture.Response answer = off.post(PATH, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().at("/error/code").asText()).isEqualTo("webhooks_disabled");
            assertThat(off.get("/healthz").json().get("webhooks").isNull()).isTrue();
        }
    }
}
