package io.hunterreferrals.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.testing.TestNotifications;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each answer, and each way of getting none, becomes: through the signed channel, over real HTTP. */
class WebhookAnswersTest {

    private static final Instant NOW = Instant.parse("2025-05-02T10:16:00Z");
    private static final String SECRET_PATH = "/hook/s3cr3t-p4th?sig=abc";

    private final TestReceiver receiver = new TestReceiver();
    private final SignedWebhookChannel channel = channel(receiver.url(SECRET_PATH), HttpTimeouts.DEFAULTS);

    private static SignedWebhookChannel channel(URI url, HttpTimeouts timeouts) {
        return new SignedWebhookChannel(
                new SignedWebhookConfig(url, SignedWebhookChannelTest.SECRET, timeouts),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        channel.close();
        receiver.close();
    }

    private DeliveryResult send(SignedWebhookChannel through) {
        return through.deliver(List.of(TestNotifications.created("ref-1")));
    }

    private DeliveryFailure failure(DeliveryResult result) {
        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        DeliveryFailure failure = ((DeliveryResult.Failed) result).failure();
        assertThat(failure.message()).doesNotContain("s3cr3t", "sig=", "hook/");
        return failure;
    }

    @ParameterizedTest
    @CsvSource({"200", "201", "202", "204"})
    void every2xxIsDelivered(int status) {
        receiver.answer(status, status == 204 ? "" : "{}");

        assertThat(send(channel)).isEqualTo(new DeliveryResult.Delivered("HTTP " + status));
    }

    @ParameterizedTest
    @CsvSource({
        "401, UNAUTHORIZED, HUNTER_NOTIFY_WEBHOOK_SECRET",
        "403, UNAUTHORIZED, HUNTER_NOTIFY_WEBHOOK_SECRET",
        "404, NOT_FOUND, HUNTER_NOTIFY_WEBHOOK_URL",
        "410, GONE, HUNTER_NOTIFY_WEBHOOK_URL",
        "400, REJECTED, will not help",
        "422, REJECTED, will not help",
        "500, SERVER_ERROR, sent again later",
        "502, SERVER_ERROR, sent again later",
        "302, MISCONFIGURED, redirect"
    })
    void eachStatusHasItsCodeAndSaysWhatToDo(int status, DeliveryErrorCode code, String advice) {
        receiver.answer(TestReceiver.Reply.of(status, "nope").with("X-Request-Id", "rq-" + status));

        DeliveryFailure failure = failure(send(channel));

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.message())
                .startsWith("The webhook receiver (http://127.0.0.1:")
                .contains("answered " + status)
                .contains(advice);
        assertThat(failure.requestId()).contains("rq-" + status);
        assertThat(failure.retryAfter()).isEmpty();
    }

    @Test
    void a429WaitsTheSecondsOfRetryAfter() {
        receiver.answer(TestReceiver.Reply.of(429, "").with("Retry-After", "120"));

        DeliveryFailure failure = failure(send(channel));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.THROTTLED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(failure.message()).contains("120 s");
    }

    @Test
    void a503WaitsUntilTheHttpDateOfRetryAfter() {
        String date =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
        receiver.answer(TestReceiver.Reply.of(503, "").with("Retry-After", date));

        DeliveryFailure failure = failure(send(channel));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.SERVER_ERROR);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(90));
    }

    @Test
    void aRetryAfterOnAnAnswerThatIsNotRetriedIsIgnoredAndAnOddRequestIdDropped() {
        receiver.answer(TestReceiver.Reply.of(410, "")
                .with("Retry-After", "60")
                .with("X-Request-Id", "id with spaces and\ttabs"));

        DeliveryFailure failure = failure(send(channel));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.GONE);
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(failure.requestId()).isEmpty();
    }

    @Test
    void aHostThatDoesNotResolveIsDns() {
        try (SignedWebhookChannel unresolvable =
                channel(URI.create("https://nonexistent.invalid/hook/s3cr3t-p4th"), HttpTimeouts.DEFAULTS)) {
            DeliveryFailure failure = failure(send(unresolvable));

            assertThat(failure.code()).isEqualTo(DeliveryErrorCode.DNS);
            assertThat(failure.message())
                    .contains("https://nonexistent.invalid/")
                    .contains("does not resolve")
                    .contains("HUNTER_NOTIFY_WEBHOOK_URL");
        }
    }

    @Test
    void aClosedPortIsConnect() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (SignedWebhookChannel closed =
                channel(URI.create("http://127.0.0.1:" + port + "/hook/s3cr3t-p4th"), HttpTimeouts.DEFAULTS)) {
            DeliveryFailure failure = failure(send(closed));

            assertThat(failure.code()).isEqualTo(DeliveryErrorCode.CONNECT);
            assertThat(failure.message()).contains("127.0.0.1:" + port).contains("Nothing answers");
        }
    }

    @Test
    void aReceiverThatSpeaksNoTlsIsTls() throws Exception {
        // https:// to a server that answers in plain HTTP at once: the handshake reads an HTTP answer, not a TLS record
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = Thread.ofVirtual().start(() -> answerPlainly(plain));
            URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort() + SECRET_PATH);
            try (SignedWebhookChannel tls = channel(https, HttpTimeouts.DEFAULTS)) {
                DeliveryFailure failure = failure(send(tls));

                assertThat(failure.code()).isEqualTo(DeliveryErrorCode.TLS);
                assertThat(failure.message()).contains("TLS handshake with").contains("trusts its certificate");
            }
            answering.join(Duration.ofSeconds(5));
        }
    }

    private static void answerPlainly(ServerSocket plain) {
        try (Socket client = plain.accept();
                OutputStream out = client.getOutputStream()) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closed) {
            // the test has ended
        }
    }

    @Test
    void aReceiverSlowerThanTheRequestTimeoutIsTimeout() {
        receiver.answer(TestReceiver.Reply.of(200, "ok").after(Duration.ofSeconds(3)));
        try (SignedWebhookChannel impatient =
                channel(receiver.url(SECRET_PATH), new HttpTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)))) {
            long started = System.nanoTime();
            DeliveryFailure failure = failure(send(impatient));

            assertThat(failure.code()).isEqualTo(DeliveryErrorCode.TIMEOUT);
            assertThat(failure.message()).contains("did not answer");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aHugeAnswerIsReadOnlyInPart() {
        receiver.answer(500, "x".repeat(1_000_000));

        DeliveryFailure failure = failure(send(channel));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.SERVER_ERROR);
        assertThat(failure.message()).hasSizeLessThan(300);
    }

    @Test
    void retryAfterReadsSecondsDatesAndNonsense() {
        assertThat(RetryAfter.parse(Optional.of(" 7 "), NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(Optional.of("Fri, 02 May 2025 10:15:00 GMT"), NOW))
                .contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("99999999999999"), NOW)).contains(Duration.ofDays(1));
        assertThat(RetryAfter.parse(Optional.of("soon"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), NOW)).isEmpty();
    }
}
