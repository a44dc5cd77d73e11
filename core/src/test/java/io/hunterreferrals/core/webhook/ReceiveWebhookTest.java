package io.hunterreferrals.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.testing.InMemoryHintQueue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiveWebhookTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final ReferralHint HINT =
            new ReferralHint(HintEvent.REFERRAL_CREATED, new ReferralId("r-1"), NOW.minusSeconds(2));

    private final InMemoryHintQueue queue = new InMemoryHintQueue();
    private final List<String> heard = new ArrayList<>();
    private final WebhookListener listener = new WebhookListener() {
        @Override
        public void received(ReferralHint hint, HintOffer offer) {
            heard.add(offer.code());
        }

        @Override
        public void rejected(WebhookRejection reason, String message) {
            heard.add(reason.code());
        }
    };

    private ReceiveWebhook receiving(WebhookReading reading) {
        return new ReceiveWebhook(call -> reading, queue, Clock.fixed(NOW, ZoneOffset.UTC), listener);
    }

    private static WebhookCall call(int bytes) {
        return new WebhookCall("x".repeat(bytes).getBytes(StandardCharsets.UTF_8), Map.of("Authorization", "Sig"));
    }

    @Test
    void aSignedHintIsQueuedOnceAndItsRepeatChangesNothing() {
        ReceiveWebhook receive = receiving(new WebhookReading.Hint(HINT));

        assertThat(receive.receive(call(200))).isEqualTo(new ReceiveWebhook.Receipt.Accepted(HINT, HintOffer.QUEUED));
        assertThat(receive.receive(call(200)))
                .isEqualTo(new ReceiveWebhook.Receipt.Accepted(HINT, HintOffer.DUPLICATE));

        assertThat(queue.rows()).hasSize(1);
        assertThat(heard).containsExactly("queued", "duplicate");
    }

    @Test
    void aRejectedCallQueuesNothing() {
        ReceiveWebhook receive =
                receiving(new WebhookReading.Rejected(WebhookRejection.BAD_SIGNATURE, "The signature does not verify"));

        assertThat(receive.receive(call(200)))
                .isEqualTo(new ReceiveWebhook.Receipt.Refused(
                        WebhookRejection.BAD_SIGNATURE, "The signature does not verify"));
        assertThat(queue.rows()).isEmpty();
        assertThat(heard).containsExactly("bad_signature");
    }

    @Test
    void aBodyLargerThanAnyEventIsRefusedUnread() {
        ReceiveWebhook receive = receiving(new WebhookReading.Hint(HINT));

        ReceiveWebhook.Receipt receipt = receive.receive(call(ReceiveWebhook.MAX_BODY_BYTES + 1));

        assertThat(receipt)
                .isInstanceOfSatisfying(
                        ReceiveWebhook.Receipt.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(WebhookRejection.TOO_LARGE));
        assertThat(queue.rows()).isEmpty();
    }

    @Test
    void aCallShowsItsSizeAndHeaderNamesOnlyAndFindsHeadersInAnyCase() {
        WebhookCall call = new WebhookCall(
                "{}".getBytes(StandardCharsets.UTF_8), Map.of("X-MS-Certificate-Url", "https://example/c.cer"));

        assertThat(call.header("x-ms-certificate-url")).contains("https://example/c.cer");
        assertThat(call.toString()).contains("2 bytes", "x-ms-certificate-url").doesNotContain("example");
    }
}
