package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.webhook.WebhookReading;
import io.hunterreferrals.core.webhook.WebhookRejection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reader's certificate cache: one download for many calls, re-checked after its TTL or notAfter, failures brief.
 */
class WebhookCertificateCacheTest extends SignedCallTestBase {

    @Test
    void aVerifiedCertificateIsFetchedOnceAndAgainAfterItsTtl() throws Exception {
        assertThat(read(BODY, signed(BODY, "/cert/leaf.cer"))).isInstanceOf(WebhookReading.Hint.class);
        assertThat(read(BODY, signed(BODY, "/cert/leaf.cer"))).isInstanceOf(WebhookReading.Hint.class);
        assertThat(server.hits("/cert/leaf.cer")).isOne();

        clock.advance(Duration.ofMinutes(61));
        assertThat(read(BODY, signed(BODY, "/cert/leaf.cer"))).isInstanceOf(WebhookReading.Hint.class);
        assertThat(server.hits("/cert/leaf.cer")).isEqualTo(2);
    }

    @Test
    void aCachedCertificateIsNeverUsedPastItsNotAfter() throws Exception {
        WebhookTrust trust = trust();
        reader = reader(new WebhookTrust(
                trust.certificateUrlPrefixes(),
                trust.trustAnchors(),
                List.of(),
                trust.organisation(),
                trust.fetchTimeout(),
                Duration.ofDays(365)));
        assertThat(read(BODY, signed(BODY, "/cert/leaf.cer"))).isInstanceOf(WebhookReading.Hint.class);

        clock.advance(Duration.ofDays(31)); // the leaf is valid for 30 days
        Map<String, String> headers = signed(BODY, "/cert/leaf.cer");

        rejected(read(BODY, headers), WebhookRejection.CERTIFICATE_UNTRUSTED, headers, BODY);
        assertThat(server.hits("/cert/leaf.cer")).isEqualTo(2);
    }

    @Test
    void aFailureIsRememberedOnlyBriefly() throws Exception {
        Map<String, String> headers = signed(BODY, "/cert/renewed.cer");
        rejected(read(BODY, headers), WebhookRejection.CERTIFICATE_UNAVAILABLE, headers, BODY);
        server.serve("/cert/renewed.cer", certs.leafDer);

        // a burst right after does not download again...
        rejected(read(BODY, headers), WebhookRejection.CERTIFICATE_UNAVAILABLE, headers, BODY);
        assertThat(server.hits("/cert/renewed.cer")).isOne();

        // ...but the fixed certificate is used soon after
        clock.advance(CertificateCache.FAILURE_TTL.plusSeconds(1));
        assertThat(read(BODY, headers)).isInstanceOf(WebhookReading.Hint.class);
        assertThat(server.hits("/cert/renewed.cer")).isEqualTo(2);
    }

    @Test
    void manyFailingUrlsDoNotEvictAGoodCertificate() throws Exception {
        assertThat(read(BODY, signed(BODY, "/cert/leaf.cer"))).isInstanceOf(WebhookReading.Hint.class);
        for (int i = 0; i < CertificateCache.SIZE + 4; i++) {
            read(BODY, signed(BODY, "/cert/missing-" + i + ".cer"));
        }

        assertThat(read(BODY, signed(BODY, "/cert/leaf.cer"))).isInstanceOf(WebhookReading.Hint.class);
        assertThat(server.hits("/cert/leaf.cer")).isOne();
    }
}
