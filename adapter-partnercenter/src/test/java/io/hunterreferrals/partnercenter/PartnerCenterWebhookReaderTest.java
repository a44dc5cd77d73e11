package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.webhook.HintEvent;
import io.hunterreferrals.core.webhook.ReferralHint;
import io.hunterreferrals.core.webhook.WebhookReading;
import io.hunterreferrals.core.webhook.WebhookRejection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The webhook reader against certificates made with keytool and served from a loopback server: every check in its
 * order, and messages that never repeat what the caller sent.
 */
class PartnerCenterWebhookReaderTest extends SignedCallTestBase {

    @Test
    void aSignedCallFromAnAllowedCertificateIsAHint() throws Exception {
        WebhookReading reading = read(BODY, signed(BODY, "/cert/leaf.cer"));

        assertThat(reading).isInstanceOfSatisfying(WebhookReading.Hint.class, h -> {
            ReferralHint hint = h.hint();
            assertThat(hint.event()).isEqualTo(HintEvent.REFERRAL_UPDATED);
            assertThat(hint.referralId().value()).isEqualTo("0f6c1c2e-1111");
            assertThat(hint.changedAt()).isEqualTo(Instant.parse("2018-02-17T00:05:39.548548700Z"));
        });
    }

    @Test
    void theSignatureMayComeInXMsSignatureWithOrWithoutItsScheme() throws Exception {
        Map<String, String> headers = signed(BODY, "/cert/leaf.cer");
        String signature = headers.remove("Authorization").substring("Signature ".length());

        headers.put("x-ms-signature", "Signature " + signature);
        assertThat(read(BODY, headers)).isInstanceOf(WebhookReading.Hint.class);
        headers.put("x-ms-signature", signature);
        assertThat(read(BODY, headers)).isInstanceOf(WebhookReading.Hint.class);
        // x-ms-signature wins over an Authorization header a proxy may have added
        headers.put("Authorization", "Bearer something-else");
        assertThat(read(BODY, headers)).isInstanceOf(WebhookReading.Hint.class);
    }

    @Test
    void headerNamesAndTheAlgorithmAreReadInAnyCase() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("authorization", "signature " + certs.sign(BODY.getBytes(StandardCharsets.UTF_8)));
        headers.put("x-ms-certificate-url", server.url("/cert/leaf.cer"));
        headers.put("X-MS-SIGNATURE-ALGORITHM", "RSA-SHA256");

        assertThat(read(BODY, headers)).isInstanceOf(WebhookReading.Hint.class);
    }

    @Test
    void aPemCertificateIsReadToo() throws Exception {
        assertThat(read(BODY, signed(BODY, "/cert/leaf.pem"))).isInstanceOf(WebhookReading.Hint.class);
    }

    @Test
    void aCallWithoutItsSignatureHeadersIsUnsigned() throws Exception {
        Map<String, String> full = signed(BODY, "/cert/leaf.cer");
        List<Map<String, String>> variants = List.of(
                Map.of(),
                without(full, "Authorization"),
                with(full, "Authorization", "Bearer eyJhbGciOi"),
                with(full, "Authorization", "Signature "),
                without(full, "X-MS-Signature-Algorithm"),
                with(full, "X-MS-Signature-Algorithm", "rsa-sha1"),
                with(full, "X-MS-Signature-Algorithm", "rsa-sha256x"),
                without(full, "X-MS-Certificate-Url"),
                with(full, "X-MS-Certificate-Url", "  "));

        for (Map<String, String> headers : variants) {
            rejected(read(BODY, headers), WebhookRejection.UNSIGNED, headers, BODY);
        }
        assertThat(server.totalHits()).isZero();
    }

    @Test
    void aCertificateUrlOffTheAllowListIsNeverFetched() throws Exception {
        int port = server.base().getPort();
        List<String> urls = List.of(
                "http://localhost:" + port + "/cert/leaf.cer", // another host spelling
                "https://127.0.0.1:" + port + "/cert/leaf.cer", // another scheme
                "http://127.0.0.1:" + (port + 1) + "/cert/leaf.cer", // another port
                "http://127.0.0.1:" + port + "/other/leaf.cer", // outside the path prefix
                "http://127.0.0.1:" + port + "/cert", // the prefix without its slash
                "http://127.0.0.1:" + port + "/cert/", // the prefix itself
                "http://127.0.0.1:" + port + "/cert/../other/leaf.cer",
                "http://127.0.0.1:" + port + "/cert/%2e%2e/other/leaf.cer",
                "http://127.0.0.1:" + port + "/cert//leaf.cer",
                "http://127.0.0.1:" + port + "/cert/leaf.cer?x=1",
                "http://127.0.0.1:" + port + "/cert/leaf.cer#frag",
                "http://user@127.0.0.1:" + port + "/cert/leaf.cer",
                "http://127.0.0.1:" + port + "\\cert\\leaf.cer",
                "https://3psostorageacct.blob.core.windows.net/cert/leaf.cer",
                "/cert/leaf.cer",
                "file:///etc/passwd",
                "not a url");

        for (String url : urls) {
            Map<String, String> headers = with(signed(BODY, "/cert/leaf.cer"), "X-MS-Certificate-Url", url);
            WebhookReading.Rejected r =
                    rejected(read(BODY, headers), WebhookRejection.CERTIFICATE_URL_NOT_ALLOWED, headers, BODY);
            assertThat(r.message())
                    .as(url)
                    .contains(server.base().resolve("/cert/").toString());
        }
        assertThat(server.totalHits()).isZero();
    }

    @Test
    void aCertificateThatCannotBeFetchedOrReadIsUnavailable() throws Exception {
        for (String path : List.of("/cert/missing.cer", "/cert/garbage.cer", "/cert/huge.cer", "/cert/moved.cer")) {
            Map<String, String> headers = signed(BODY, path);
            rejected(read(BODY, headers), WebhookRejection.CERTIFICATE_UNAVAILABLE, headers, BODY);
        }
        // the redirect is not followed
        assertThat(server.hits("/cert/leaf.cer")).isZero();
    }

    @Test
    void aSlowCertificateServerTimesOut() throws Exception {
        long started = System.nanoTime();

        Map<String, String> headers = signed(BODY, "/cert/slow.cer");
        WebhookReading.Rejected r =
                rejected(read(BODY, headers), WebhookRejection.CERTIFICATE_UNAVAILABLE, headers, BODY);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(r.message()).contains("800 ms");
    }

    @Test
    void aCertificateThatDoesNotChainNamesAnotherOrganisationOrExpiredIsUntrusted() throws Exception {
        for (String path : List.of("/cert/self-signed.cer", "/cert/wrong-o.cer", "/cert/expired.cer")) {
            Map<String, String> headers = signed(BODY, path);
            WebhookReading.Rejected r =
                    rejected(read(BODY, headers), WebhookRejection.CERTIFICATE_UNTRUSTED, headers, BODY);
            switch (path) {
                case "/cert/self-signed.cer" -> assertThat(r.message()).contains("does not chain");
                case "/cert/wrong-o.cer" -> assertThat(r.message()).contains("O=" + WebhookCertificates.ORGANISATION);
                default -> assertThat(r.message()).contains("expired");
            }
        }
    }

    @Test
    void anotherOrganisationInTheTrustRefusesTheLeaf() throws Exception {
        WebhookTrust trust = trust();
        reader = reader(new WebhookTrust(
                trust.certificateUrlPrefixes(),
                trust.trustAnchors(),
                List.of(),
                WebhookTrust.PRODUCTION_ORGANISATION,
                trust.fetchTimeout(),
                trust.cacheTtl()));

        Map<String, String> headers = signed(BODY, "/cert/leaf.cer");
        rejected(read(BODY, headers), WebhookRejection.CERTIFICATE_UNTRUSTED, headers, BODY);
    }

    @Test
    void aBodyChangedAfterSigningHasABadSignature() throws Exception {
        Map<String, String> headers = signed(BODY, "/cert/leaf.cer");
        String tampered = BODY.replace("0f6c1c2e-1111", "0f6c1c2e-2222");
        String reformatted = BODY.replace(",", ", ");

        rejected(read(tampered, headers), WebhookRejection.BAD_SIGNATURE, headers, tampered);
        rejected(read(reformatted, headers), WebhookRejection.BAD_SIGNATURE, headers, reformatted);
    }

    @Test
    void aSignatureByAnotherKeyOrNotInBase64IsBad() throws Exception {
        Map<String, String> headers = signed(BODY, "/cert/leaf.cer");
        Map<String, String> otherKey = with(
                headers,
                "Authorization",
                "Signature " + WebhookCertificates.sign(certs.rootKey, BODY.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> notBase64 = with(headers, "Authorization", "Signature !!!not-base64!!!");
        Map<String, String> truncated = with(headers, "Authorization", "Signature AAAA");

        rejected(read(BODY, otherKey), WebhookRejection.BAD_SIGNATURE, otherKey, BODY);
        rejected(read(BODY, notBase64), WebhookRejection.BAD_SIGNATURE, notBase64, BODY);
        rejected(read(BODY, truncated), WebhookRejection.BAD_SIGNATURE, truncated, BODY);
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsMalformed() throws Exception {
        List<String> bodies = List.of(
                "",
                "not json",
                "[]",
                "{\"EventName\":\"referral-updated\"",
                "{\"ResourceUri\":\"https://x/referrals/0f6c1c2e\",\"ResourceChangeUtcDate\":\"2018-02-17T00:05:39Z\"}",
                "{\"EventName\":\"referral-updated\",\"ResourceChangeUtcDate\":\"2018-02-17T00:05:39Z\"}",
                "{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://x/referrals/0f6c1c2e\"}",
                "{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://x/\",\"ResourceChangeUtcDate\":\"2018-02-17T00:05:39Z\"}",
                "{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://x/referrals/%20\",\"ResourceChangeUtcDate\":\"2018-02-17T00:05:39Z\"}",
                "{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://x/referrals/0f6c1c2e\",\"ResourceChangeUtcDate\":\"yesterday\"}",
                "{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://x/referrals/0f6c1c2e\",\"ResourceChangeUtcDate\":1518826000}",
                "{\"EventName\":42,\"ResourceUri\":\"https://x/referrals/0f6c1c2e\",\"ResourceChangeUtcDate\":\"2018-02-17T00:05:39Z\"}",
                "{\"EventName\":\"referral-updated\",\"eventname\":\"referral-created\",\"ResourceUri\":\"https://x/referrals/0f6c1c2e\",\"ResourceChangeUtcDate\":\"2018-02-17T00:05:39Z\"}",
                "{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://x/referrals/0f6c1c2e\",\"ResourceChangeUtcDate\":\"2018-02-17T00:05:39Z\"} {}");

        for (String body : bodies) {
            Map<String, String> headers = signed(body, "/cert/leaf.cer");
            rejected(read(body, headers), WebhookRejection.MALFORMED, headers, body);
        }
        assertThat(server.hits("/cert/leaf.cer")).isOne(); // the cached certificate served every call
    }

    @Test
    void anUnknownEventIsMalformedAndNamed() throws Exception {
        String body = BODY.replace("referral-updated", "subscription-updated");

        WebhookReading reading = read(body, signed(body, "/cert/leaf.cer"));

        assertThat(reading).isInstanceOfSatisfying(WebhookReading.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(WebhookRejection.MALFORMED);
            assertThat(r.message()).contains("'subscription-updated'");
        });
    }

    @Test
    void propertyNamesAreReadInAnyCase() throws Exception {
        String body = "{\"eventName\":\"Test-Created\",\"resourceuri\":\"https://x/validationEvents/c0bf%2F1/\","
                + "\"RESOURCECHANGEUTCDATE\":\"2024-05-03T10:00:00Z\",\"extra\":{\"a\":[1]}}";

        WebhookReading reading = read(body, signed(body, "/cert/leaf.cer"));

        assertThat(reading).isInstanceOfSatisfying(WebhookReading.Hint.class, h -> {
            assertThat(h.hint().event()).isEqualTo(HintEvent.TEST_CREATED);
            assertThat(h.hint().referralId().value()).isEqualTo("c0bf/1");
            assertThat(h.hint().changedAt()).isEqualTo(Instant.parse("2024-05-03T10:00:00Z"));
        });
    }

    @Test
    void theSimulatorTrustAllowsOnlyItsCertPathOverLoopbackHttp() {
        WebhookTrust trust = WebhookTrust.simulator(server.base().resolve("/"), certs.root);

        assertThat(trust.certificateUrlPrefixes()).containsExactly(server.base().resolve("/cert/"));
        assertThat(trust.organisation()).isEqualTo("Hunter Referrals Simulator");
        assertThat(trust.trustAnchors()).containsExactly(certs.root);
    }
}
