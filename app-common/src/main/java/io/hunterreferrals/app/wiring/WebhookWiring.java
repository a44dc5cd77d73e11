package io.hunterreferrals.app.wiring;

import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.core.webhook.WebhookReader;
import io.hunterreferrals.core.webhook.WebhookRegistry;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import io.hunterreferrals.partnercenter.PartnerCenterWebhookReader;
import io.hunterreferrals.partnercenter.PartnerCenterWebhookRegistry;
import io.hunterreferrals.partnercenter.WebhookApiConfig;
import io.hunterreferrals.partnercenter.WebhookTrust;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the webhook signature checker and the registration client. The checker trusts Microsoft's certificate host and
 * root in real use; the simulator's own test CA only when the sign-in goes to a simulator (the demo, or
 * {@code HUNTER_PARTNER_CENTER_SIMULATOR_URL}, which production refuses), so a simulator's certificate is never trusted
 * against the real Partner Center.
 */
public final class WebhookWiring {

    /** Where a standalone simulator serves its test root (DER). */
    static final String SIMULATOR_ROOT_PATH = "/cert/simulator-root.cer";

    private WebhookWiring() {}

    /** The checker, or empty when {@code HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED} is off. */
    public static Optional<WebhookReader> reader(HunterSettings settings, Optional<DemoMode> demo) {
        if (!settings.webhooks().enabled()) {
            return Optional.empty();
        }
        WebhookTrust trust = demo.map(d -> WebhookTrust.simulator(
                        d.simulator().baseUri(), d.simulator().webhookRootCertificate()))
                .or(() -> settings.partnerCenter().simulatorUrl().map(WebhookWiring::standaloneSimulatorTrust))
                .orElseGet(WebhookTrust::production);
        return Optional.of(new PartnerCenterWebhookReader(trust));
    }

    /** The registration client for {@code hunter webhooks}: Microsoft's, or a standalone simulator's. */
    public static WebhookRegistry registry(HunterSettings settings, PartnerCenterAuth auth) {
        return registry(settings, auth, Optional.empty());
    }

    /**
     * The registration client, with the operator's sign-in (its own token audience, redeemed silently): the demo's
     * simulator, a standalone simulator when {@code HUNTER_PARTNER_CENTER_SIMULATOR_URL} is set, else Microsoft.
     */
    public static WebhookRegistry registry(HunterSettings settings, PartnerCenterAuth auth, Optional<DemoMode> demo) {
        URI base = demo.map(d -> d.simulator().baseUri())
                .or(() -> settings.partnerCenter().simulatorUrl())
                .orElse(WebhookApiConfig.DEFAULT_BASE_URL);
        return PartnerCenterWebhookRegistry.builder(
                        WebhookApiConfig.DEFAULTS.withBaseUrl(base), auth.webhookTokenSource())
                .build();
    }

    /** A standalone simulator's test root, fetched once at start over loopback http (rehearsals only). */
    private static WebhookTrust standaloneSimulatorTrust(URI simulator) {
        URI root = URI.create(simulator.toString().replaceAll("/+$", "") + SIMULATOR_ROOT_PATH);
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(root).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The simulator at " + simulator + " answered " + response.statusCode()
                        + " for its webhook test root " + root + "; is it a simulator of this version?");
            }
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(response.body()));
            return WebhookTrust.simulator(simulator, certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot read the simulator's webhook test root at " + root + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the simulator's webhook test root", e);
        }
    }
}
