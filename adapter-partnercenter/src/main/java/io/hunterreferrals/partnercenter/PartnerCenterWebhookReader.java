package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.webhook.WebhookCall;
import io.hunterreferrals.core.webhook.WebhookReader;
import io.hunterreferrals.core.webhook.WebhookReading;
import io.hunterreferrals.core.webhook.WebhookRejection;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's {@link WebhookReader} for Partner Center's signed calls (pc-webhooks.md §2, §5.3), in this order, the first
 * failure deciding:
 *
 * <ol>
 *   <li>the signature headers are there and name {@code rsa-sha256} ({@code UNSIGNED});
 *   <li>the certificate URL is on the {@link WebhookTrust} allow-list ({@code CERTIFICATE_URL_NOT_ALLOWED}): nothing
 *       else is ever fetched, and the body's {@code ResourceUri} host is never called;
 *   <li>the certificate downloads and parses ({@code CERTIFICATE_UNAVAILABLE}), and is in date, chains to a trust
 *       anchor and names the organisation ({@code CERTIFICATE_UNTRUSTED}); verified certificates are cached;
 *   <li>{@code SHA256withRSA} verifies over the body's exact bytes ({@code BAD_SIGNATURE});
 *   <li>only then is the body read ({@code MALFORMED}).
 * </ol>
 *
 * Never throws for what a caller sent; messages never hold the body, a header's value or the signature. Thread-safe.
 */
public final class PartnerCenterWebhookReader implements WebhookReader {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerCenterWebhookReader.class);

    private final CertificateUrlPolicy urls;
    private final CertificateFetcher fetcher;
    private final CertificateChecker checker;
    private final CertificateCache cache;
    private final Clock clock;

    public PartnerCenterWebhookReader(WebhookTrust trust) {
        this(trust, Clock.systemUTC(), CertificateFetcher.defaultClient(trust.fetchTimeout()));
    }

    /** Tests: a clock for the cache and validity dates, and the client that downloads certificates. */
    PartnerCenterWebhookReader(WebhookTrust trust, Clock clock, HttpClient http) {
        Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.urls = new CertificateUrlPolicy(trust.certificateUrlPrefixes());
        this.fetcher = new CertificateFetcher(Objects.requireNonNull(http, "http"), trust.fetchTimeout());
        this.checker = new CertificateChecker(trust);
        this.cache = new CertificateCache(trust.cacheTtl(), clock);
    }

    @Override
    public WebhookReading read(WebhookCall call) {
        Objects.requireNonNull(call, "call");
        SignatureHeaders.Read headers = SignatureHeaders.read(call);
        if (headers instanceof SignatureHeaders.Read.Unsigned unsigned) {
            return rejected(WebhookRejection.UNSIGNED, unsigned.message());
        }
        SignatureHeaders.Read.Signed signed = (SignatureHeaders.Read.Signed) headers;
        URI url;
        switch (urls.check(signed.certificateUrl())) {
            case CertificateUrlPolicy.Verdict.Refused refused -> {
                return rejected(WebhookRejection.CERTIFICATE_URL_NOT_ALLOWED, refused.message());
            }
            case CertificateUrlPolicy.Verdict.Allowed allowed -> url = allowed.url();
        }
        Optional<byte[]> signature = SignatureHeaders.decode(signed.signature());
        if (signature.isEmpty()) {
            return rejected(WebhookRejection.BAD_SIGNATURE, "The call's signature is not base64");
        }
        X509Certificate certificate;
        try {
            certificate = cache.get(url, this::load).leaf();
        } catch (CertificateProblem problem) {
            return rejected(problem.reason(), problem.getMessage());
        } catch (RuntimeException e) {
            // Never thrown at a caller: a certificate that trips a library bug is still only an unusable certificate.
            LOG.atWarn()
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("partner_center_webhook_certificate_check_failed");
            return rejected(
                    WebhookRejection.CERTIFICATE_UNAVAILABLE,
                    "The signing certificate could not be checked ("
                            + e.getClass().getSimpleName() + ")");
        }
        byte[] body = call.body();
        if (!verifies(certificate, body, signature.get())) {
            return rejected(
                    WebhookRejection.BAD_SIGNATURE,
                    "The call's signature does not verify over its body with the signing certificate's key");
        }
        try {
            return new WebhookReading.Hint(WebhookEventParser.parse(body));
        } catch (WebhookEventParser.Malformed e) {
            return rejected(WebhookRejection.MALFORMED, e.getMessage());
        } catch (RuntimeException e) {
            return rejected(
                    WebhookRejection.MALFORMED,
                    "The event could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private CertificateChecker.Trusted load(URI url) throws CertificateProblem {
        byte[] bytes = fetcher.fetch(url);
        CertificateChecker.Trusted trusted = checker.check(bytes, clock.instant());
        LOG.atInfo()
                .addKeyValue("host", url.getHost())
                .addKeyValue("not_after", trusted.notAfter())
                .log("partner_center_webhook_certificate_trusted");
        return trusted;
    }

    private static boolean verifies(X509Certificate certificate, byte[] body, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(body);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A signature of the wrong length, or a key the provider refuses: it does not verify.
            return false;
        }
    }

    private static WebhookReading.Rejected rejected(WebhookRejection reason, String message) {
        LOG.atDebug().addKeyValue("reason", reason.code()).log("partner_center_webhook_rejected");
        return new WebhookReading.Rejected(reason, message);
    }
}
