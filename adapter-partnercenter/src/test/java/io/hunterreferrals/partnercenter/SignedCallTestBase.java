package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.webhook.WebhookCall;
import io.hunterreferrals.core.webhook.WebhookReading;
import io.hunterreferrals.core.webhook.WebhookRejection;
import io.hunterreferrals.simulator.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the webhook reader's tests share: keytool-made certificates served from a loopback server under {@code /cert/},
 * a clock they move, a reader that trusts the test root, and signed calls.
 */
abstract class SignedCallTestBase {

    static final String BODY = "{\"EventName\":\"referral-updated\","
            + "\"ResourceUri\":\"https://api.partnercenter.microsoft.com/engagements/v1/referrals/0f6c1c2e-1111\","
            + "\"ResourceName\":\"referral\",\"AuditUri\":null,"
            + "\"ResourceChangeUtcDate\":\"2018-02-17T00:05:39.5485487+00:00\"}";

    static final WebhookCertificates certs = WebhookCertificates.shared();

    CertificateServer server;
    MutableClock clock;
    PartnerCenterWebhookReader reader;

    @BeforeEach
    void start() {
        server = new CertificateServer()
                .serve("/cert/leaf.cer", certs.leafDer)
                .serve("/cert/leaf.pem", certs.leafPem().getBytes(StandardCharsets.US_ASCII))
                .serve("/cert/wrong-o.cer", certs.wrongOrganisationDer)
                .serve("/cert/expired.cer", certs.expiredDer)
                .serve("/cert/self-signed.cer", certs.selfSignedDer)
                .serve("/cert/garbage.cer", "not a certificate at all".getBytes(StandardCharsets.US_ASCII))
                .serve("/cert/huge.cer", new byte[CertificateFetcher.MAX_BYTES + 1])
                .serve("/cert/slow.cer", new CertificateServer.Answer(200, certs.leafDer, Duration.ofSeconds(3), null))
                .serve(
                        "/cert/moved.cer",
                        new CertificateServer.Answer(302, new byte[0], Duration.ZERO, "/cert/leaf.cer"))
                .serve("/other/leaf.cer", certs.leafDer);
        clock = new MutableClock(Instant.now());
        reader = reader(trust());
    }

    @AfterEach
    void stop() {
        server.close();
        NoSecretsInLogs.assertClean();
    }

    WebhookTrust trust() {
        return new WebhookTrust(
                List.of(server.base().resolve("/cert/")),
                List.of(certs.root),
                List.of(),
                WebhookCertificates.ORGANISATION,
                Duration.ofMillis(800),
                Duration.ofHours(1));
    }

    PartnerCenterWebhookReader reader(WebhookTrust trust) {
        return new PartnerCenterWebhookReader(trust, clock, CertificateFetcher.defaultClient(trust.fetchTimeout()));
    }

    static WebhookCall call(String body, Map<String, String> headers) {
        return new WebhookCall(body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Map<String, String> signed(String body, String certificatePath) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Signature " + certs.sign(body.getBytes(StandardCharsets.UTF_8)));
        headers.put("X-MS-Certificate-Url", server.url(certificatePath));
        headers.put("X-MS-Signature-Algorithm", "rsa-sha256");
        return headers;
    }

    WebhookReading read(String body, Map<String, String> headers) {
        return reader.read(call(body, headers));
    }

    /** Rejected for {@code reason}, with a message that repeats no header value and no body content. */
    WebhookReading.Rejected rejected(
            WebhookReading reading, WebhookRejection reason, Map<String, String> headers, String body) {
        String allowed = server.base().resolve("/cert/").toString();
        assertThat(reading).isInstanceOf(WebhookReading.Rejected.class);
        WebhookReading.Rejected rejected = (WebhookReading.Rejected) reading;
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.message()).isNotBlank().doesNotContain("0f6c1c2e").doesNotContain("referral-updated");
        headers.values().forEach(v -> {
            if (v.length() > 12 && !allowed.contains(v)) {
                assertThat(rejected.message()).doesNotContain(v);
            }
        });
        headers.values().stream()
                .filter(v -> v.startsWith("Signature ") && v.length() >= 30)
                .forEach(v -> assertThat(rejected.message()).doesNotContain(v.substring(10, 30)));
        assertThat(rejected.message()).doesNotContain(body.length() > 20 ? body : "\u0000");
        return rejected;
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    static Map<String, String> without(Map<String, String> headers, String name) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(name);
        return copy;
    }
}
