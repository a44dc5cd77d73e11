package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production allow-list, without fetching anything, and the rules for a configured prefix. */
class CertificateUrlPolicyTest {

    private final CertificateUrlPolicy production =
            new CertificateUrlPolicy(List.of(WebhookTrust.PRODUCTION_CERTIFICATE_PREFIX));

    @Test
    void microsoftsCertificateUrlIsAllowedInItsUsualSpellings() {
        assertThat(
                        production.check(
                                "https://3psostorageacct.blob.core.windows.net/cert/pcnotifications-dispatch.microsoft.com.cer"))
                .isEqualTo(
                        new CertificateUrlPolicy.Verdict.Allowed(
                                URI.create(
                                        "https://3psostorageacct.blob.core.windows.net/cert/pcnotifications-dispatch.microsoft.com.cer")));
        assertThat(production.check(" HTTPS://3PSOSTORAGEACCT.Blob.Core.Windows.Net:443/cert/x.cer "))
                .isEqualTo(new CertificateUrlPolicy.Verdict.Allowed(
                        URI.create("https://3psostorageacct.blob.core.windows.net/cert/x.cer")));
    }

    @Test
    void everythingElseIsRefused() {
        for (String url : List.of(
                "http://3psostorageacct.blob.core.windows.net/cert/x.cer",
                "https://3psostorageacct.blob.core.windows.net:8443/cert/x.cer",
                "https://3psostorageacct.blob.core.windows.net.evil.example/cert/x.cer",
                "https://evil3psostorageacct.blob.core.windows.net/cert/x.cer",
                "https://otheracct.blob.core.windows.net/cert/x.cer",
                "https://3psostorageacct.blob.core.windows.net/certs/x.cer",
                "https://3psostorageacct.blob.core.windows.net/Cert/x.cer",
                "https://3psostorageacct.blob.core.windows.net/cert/",
                "https://3psostorageacct.blob.core.windows.net/cert/../other/x.cer",
                "https://3psostorageacct.blob.core.windows.net/cert/./x.cer",
                "https://3psostorageacct.blob.core.windows.net/cert/%2e%2e/x.cer",
                "https://3psostorageacct.blob.core.windows.net/cert/x.cer?sv=1",
                "https://a@3psostorageacct.blob.core.windows.net/cert/x.cer",
                "https://3psostorageacct.blob.core.windows.net/cert/x y.cer",
                "https://3psostorageacct.blob.core.windows.net/cert/" + "a".repeat(3000),
                "ftp://3psostorageacct.blob.core.windows.net/cert/x.cer",
                "//3psostorageacct.blob.core.windows.net/cert/x.cer",
                "")) {
            assertThat(production.check(url))
                    .as(url)
                    .isInstanceOfSatisfying(
                            CertificateUrlPolicy.Verdict.Refused.class,
                            r -> assertThat(r.message())
                                    .contains(WebhookTrust.PRODUCTION_CERTIFICATE_PREFIX.toString())
                                    .doesNotContain("evil")
                                    .doesNotContain("x.cer"));
        }
    }

    @Test
    void theProductionTrustIsHttpsOnlyMicrosoftAndTheJdkRoots() {
        WebhookTrust trust = WebhookTrust.production();

        assertThat(trust.certificateUrlPrefixes()).containsExactly(WebhookTrust.PRODUCTION_CERTIFICATE_PREFIX);
        assertThat(trust.organisation()).isEqualTo("Microsoft Corporation");
        assertThat(trust.trustAnchors()).isNotEmpty();
        assertThat(trust.intermediates()).isEmpty();
        assertThat(trust.cacheTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(trust.fetchTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(trust.toString()).doesNotContain("BEGIN");
    }

    @Test
    void aPrefixMustBeHttpsOrLoopbackHttpAndEndInASlash() {
        WebhookTrust base = WebhookTrust.production();
        for (String prefix : List.of(
                "http://example.com/cert/",
                "https://example.com/cert",
                "https://example.com/cert/?x=1",
                "https://u@example.com/cert/",
                "https://example.com/a/../cert/",
                "cert/")) {
            assertThatThrownBy(() -> new WebhookTrust(
                            List.of(URI.create(prefix)),
                            base.trustAnchors(),
                            List.of(),
                            base.organisation(),
                            base.fetchTimeout(),
                            base.cacheTtl()))
                    .as(prefix)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new WebhookTrust(
                                List.of(URI.create("http://127.0.0.1:8080/cert/")),
                                base.trustAnchors(),
                                List.of(),
                                base.organisation(),
                                base.fetchTimeout(),
                                base.cacheTtl())
                        .certificateUrlPrefixes())
                .hasSize(1);
        assertThat(WebhookTrust.simulator(
                                URI.create("http://localhost:9999/"),
                                base.trustAnchors().getFirst())
                        .certificateUrlPrefixes())
                .containsExactly(URI.create("http://localhost:9999/cert/"));
    }
}
