package io.hunterreferrals.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private static final byte[] BODY = "{\"id\":\"e1\",\"type\":\"referral.created\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2025-05-02T10:15:00Z");
    private static final String TS = Long.toString(NOW.getEpochSecond());

    @Test
    void theSignatureIsHexHmacSha256OfTimestampDotBody() throws Exception {
        // the rule written out independently, as a receiver in another language would
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of()
                .formatHex(mac.doFinal(
                        (TS + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY)).isEqualTo("v1=" + expected);
    }

    @Test
    void aFreshRequestSignedWithTheSecretIsAccepted() {
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(WebhookSignature.verify(SECRET, TS, signature, BODY, NOW)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, TS, signature.toUpperCase(), BODY, NOW.plusSeconds(299)))
                .isTrue();
    }

    @Test
    void aTamperedBodyAWrongSecretOrAChangedTimestampIsRefused() {
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 2] ^= 1;

        assertThat(WebhookSignature.verify(SECRET, TS, signature, tampered, NOW))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET + "x", TS, signature, BODY, NOW))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(NOW.getEpochSecond() + 1), signature, BODY, NOW))
                .isFalse();
    }

    @Test
    void anOldRequestReplayedLaterIsRefusedAndSoIsOneFromTheFuture() {
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(WebhookSignature.verify(SECRET, TS, signature, BODY, NOW.plus(Duration.ofMinutes(6))))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, TS, signature, BODY, NOW.minus(Duration.ofMinutes(6))))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        SECRET, TS, signature, BODY, NOW.plus(Duration.ofMinutes(6)), Duration.ofMinutes(10)))
                .isTrue();
    }

    @Test
    void malformedOrMissingHeadersAreRefusedWithoutAnException() {
        String signature = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(WebhookSignature.verify(SECRET, null, signature, BODY, NOW)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TS, null, BODY, NOW)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "yesterday", signature, BODY, NOW))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, TS, "v1=zz", BODY, NOW)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, TS, signature.substring(3), BODY, NOW))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, TS, "v0=" + signature.substring(3), BODY, NOW))
                .isFalse();
    }

    @Test
    void duringARotationEitherSecretsSignatureIsEnough() {
        String old = WebhookSignature.sign("old-secret-0123456789abcdef0123456789", NOW.getEpochSecond(), BODY);
        String current = WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(WebhookSignature.verify(SECRET, TS, old + ", " + current, BODY, NOW))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, TS, old, BODY, NOW)).isFalse();
    }
}
