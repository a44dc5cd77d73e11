package io.hunterreferrals.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.testing.TestNotifications;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignedWebhookChannelTest {

    static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2025-05-02T10:16:00Z");

    private final TestReceiver receiver = new TestReceiver();
    private final URI url = receiver.url("/hooks/T0K3N-s3cr3t-path");
    private final SignedWebhookChannel channel =
            new SignedWebhookChannel(new SignedWebhookConfig(url, SECRET), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        channel.close();
        receiver.close();
    }

    @Test
    void aReferralEventIsPostedAsOneJsonShapeWithItsIdAndSignatureHeaders() {
        UUID id = UUID.fromString("5f0c3a52-7a8e-4d0e-9c61-0a6f1b2c3d4e");
        Notification created = TestNotifications.notification(
                id, TestNotifications.created("ref-1").event().event());

        DeliveryResult result = channel.deliver(List.of(created));

        assertThat(result).isEqualTo(new DeliveryResult.Delivered("HTTP 200"));
        TestReceiver.Received request = receiver.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key")).isEqualTo(id.toString());
        assertThat(request.header("X-Hunter-Event-Id")).isEqualTo(id.toString());
        assertThat(request.header("X-Hunter-Event-Type")).isEqualTo("referral.created");
        assertThat(request.header("X-Hunter-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        JsonNode json = JsonTexts.parse(request.body());
        assertThat(json.path("id").asText()).isEqualTo(id.toString());
        assertThat(json.path("type").asText()).isEqualTo("referral.created");
        assertThat(json.path("occurred_at").asText()).isEqualTo("2025-05-02T10:15:00Z");
        assertThat(json.path("sequence").asLong()).isEqualTo(1);
        JsonNode referral = json.path("referral");
        assertThat(referral.path("id").asText()).isEqualTo("ref-1");
        assertThat(referral.path("type").asText()).isEqualTo("co-sell");
        assertThat(referral.path("status").asText()).isEqualTo("New");
        assertThat(referral.path("substatus").asText()).isEqualTo("Received");
        assertThat(referral.path("domain").asText()).isEqualTo("contoso.com.tr");
        assertThat(referral.path("company_name").asText()).isEqualTo("Contoso Ltd");
        assertThat(referral.path("deal_value").decimalValue()).isEqualByComparingTo("12500.00");
        assertThat(referral.path("currency").asText()).isEqualTo("EUR");
        assertThat(json.path("changes").isArray()).isTrue();
        assertThat(json.path("changes")).isEmpty();
        assertThat(json.path("problem").isNull()).isTrue();
        assertThat(json.path("links").path("detail").asText())
                .isEqualTo("https://hunter.example.com/mini-ui/?tab=inbox&referral=ref-1");
        assertThat(json.path("links").path("partner_center").asText()).contains("ref-1");
    }

    @Test
    void theReceiverVerifiesTheSignatureOverTheRawBodyAndRefusesATamperedOrReplayedOne() {
        channel.deliver(List.of(TestNotifications.created("ref-2")));

        TestReceiver.Received request = receiver.only();
        String ts = request.header("X-Hunter-Timestamp");
        String signature = request.header("X-Hunter-Signature");
        assertThat(signature).matches("v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(SECRET, ts, signature, request.body(), NOW))
                .isTrue();

        byte[] tampered = request.text().replace("ref-2", "ref-3").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(SECRET, ts, signature, tampered, NOW))
                .isFalse();
        // the same request sent again ten minutes later by someone who recorded it
        assertThat(WebhookSignature.verify(SECRET, ts, signature, request.body(), NOW.plus(Duration.ofMinutes(10))))
                .isFalse();
    }

    @Test
    void aFailureEventHasNoReferralAndCarriesTheProblem() {
        channel.deliver(List.of(TestNotifications.syncFailed()));

        JsonNode json = JsonTexts.parse(receiver.only().body());
        assertThat(json.path("type").asText()).isEqualTo("sync.failed");
        assertThat(json.path("referral").isNull()).isTrue();
        assertThat(json.path("problem").path("code").asText()).isEqualTo("sign_in_required");
        assertThat(json.path("problem").path("message").asText())
                .isEqualTo("The sign-in expired: run hunter auth login.");
        assertThat(json.path("problem").path("request_id").asText()).isEqualTo("req-0000-1111");
        assertThat(json.path("links").path("detail").isNull()).isTrue();
        assertThat(json.path("links").path("partner_center").isNull()).isTrue();
    }

    @Test
    void aStatusChangeListsEachChangedField() {
        channel.deliver(List.of(TestNotifications.statusChanged("ref-4")));

        JsonNode change =
                JsonTexts.parse(receiver.only().body()).path("changes").path(0);
        assertThat(change.path("field").asText()).isEqualTo("status");
        assertThat(change.path("before").asText()).isEqualTo("New");
        assertThat(change.path("after").asText()).isEqualTo("Active");
    }

    @Test
    void aHostileNameIsDataInTheJsonAndNoMarkupInTheRawBody() {
        channel.deliver(List.of(TestNotifications.created("ref-5", TestNotifications.HOSTILE_NAME + " İstanbul")));

        TestReceiver.Received request = receiver.only();
        assertThat(JsonTexts.parse(request.body())
                        .path("referral")
                        .path("company_name")
                        .asText())
                .isEqualTo(TestNotifications.HOSTILE_NAME + " İstanbul");
        // pasted raw into a page or a log viewer, the body still makes no tag; and it is plain ASCII
        assertThat(request.text()).doesNotContain("<", ">", "&", "'").contains("\\u003C");
        assertThat(request.text()).matches("\\p{ASCII}*");
    }

    @Test
    void theTargetIsTheOriginAndTheKeyAFingerprintOfTheFullUrl() throws Exception {
        assertThat(channel.name()).isEqualTo("webhook");
        assertThat(channel.target()).isEqualTo(WebhookUrls.origin(url)).doesNotContain("T0K3N");
        assertThat(channel.target()).startsWith("http://127.0.0.1:");
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                .digest(url.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(channel.targetKey()).isEqualTo(HexFormat.of().formatHex(sha));
        assertThat(channel.digest()).isEmpty();
        assertThat(channel.toString()).doesNotContain("T0K3N");
    }

    @Test
    void moreThanOneNotificationIsAWiringMistakeAndRefused() {
        assertThatThrownBy(
                        () -> channel.deliver(List.of(TestNotifications.created("a"), TestNotifications.created("b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one notification at a time")
                .hasMessageContaining("2");
        assertThatThrownBy(() -> channel.deliver(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(receiver.received()).isEmpty();
    }
}
