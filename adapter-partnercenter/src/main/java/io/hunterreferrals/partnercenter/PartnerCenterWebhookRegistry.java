package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.webhook.WebhookRegistration;
import io.hunterreferrals.core.webhook.WebhookRegistry;
import io.hunterreferrals.core.webhook.WebhookRegistryErrorCode;
import io.hunterreferrals.core.webhook.WebhookRegistryException;
import io.hunterreferrals.core.webhook.WebhookTestResult;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's {@link WebhookRegistry} on Partner Center's webhook registration API (pc-webhooks.md §1, §3):
 * {@code GET/POST/PUT {baseUrl}/webhooks/v1/registration}, {@code POST .../validationEvents} and {@code GET
 * .../validationEvents/{correlationId}}, with a token for {@link PartnerCenterAuthConfig#WEBHOOK_SCOPE}
 * ({@link PartnerCenterAuth#webhookTokenSource()}). Failures are {@link WebhookRegistryException}s with Partner
 * Center's request id. Thread-safe.
 *
 * <pre>{@code
 * WebhookRegistry registry = PartnerCenterWebhookRegistry.builder(WebhookApiConfig.DEFAULTS, auth.webhookTokenSource())
 *         .build();
 * }</pre>
 */
public final class PartnerCenterWebhookRegistry implements WebhookRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerCenterWebhookRegistry.class);

    private final WebhookApiConfig config;
    private final RegistrationCaller caller;

    private PartnerCenterWebhookRegistry(Builder b) {
        this.config = b.config;
        this.caller = new RegistrationCaller(
                b.http(config.connectTimeout()),
                config,
                b.tokens,
                b.retryPolicy(config.retry()),
                b.sleeper,
                b.listener,
                b.clock);
    }

    public static Builder builder(WebhookApiConfig config, AccessTokenSource tokens) {
        return new Builder(config, tokens);
    }

    public WebhookApiConfig config() {
        return config;
    }

    @Override
    public Optional<WebhookRegistration> current() {
        String what = "reading the webhook registration";
        RegistrationCaller.Response r = caller.call("GET", config.registrationUri(""), null, what);
        if (r.status() == 404 || r.status() == 204) {
            return Optional.empty();
        }
        if (!ok(r)) {
            throw RegistrationErrors.refused(r, what);
        }
        try {
            return RegistrationJson.registration(r.body());
        } catch (RegistrationJson.Unexpected e) {
            throw RegistrationErrors.unexpected(r, what, e.getMessage());
        }
    }

    @Override
    public WebhookRegistration create(URI url, List<String> events) {
        return write("POST", url, events, "creating the webhook registration");
    }

    @Override
    public WebhookRegistration replace(URI url, List<String> events) {
        return write("PUT", url, events, "replacing the webhook registration");
    }

    @Override
    public String sendTest() {
        String what = "sending a test event";
        RegistrationCaller.Response r = caller.call("POST", config.registrationUri("/validationEvents"), null, what);
        if (!ok(r)) {
            throw RegistrationErrors.refused(r, what);
        }
        try {
            String correlationId = RegistrationJson.correlationId(r.body());
            LOG.atInfo()
                    .addKeyValue("correlation_id", correlationId)
                    .addKeyValue("request_id", r.requestId().orElse(null))
                    .log("partner_center_webhook_test_sent");
            return correlationId;
        } catch (RegistrationJson.Unexpected e) {
            throw RegistrationErrors.unexpected(r, what, e.getMessage());
        }
    }

    @Override
    public WebhookTestResult testResult(String correlationId) {
        Objects.requireNonNull(correlationId, "correlationId");
        if (correlationId.isBlank()) {
            throw new IllegalArgumentException("correlationId must not be blank");
        }
        String what = "reading the test event's result";
        String segment =
                URLEncoder.encode(correlationId.strip(), StandardCharsets.UTF_8).replace("+", "%20");
        RegistrationCaller.Response r =
                caller.call("GET", config.registrationUri("/validationEvents/" + segment), null, what);
        if (r.status() == 404) {
            throw new WebhookRegistryException(
                    WebhookRegistryErrorCode.NOT_FOUND,
                    "Partner Center knows no test event " + correlationId.strip() + " (404, request id "
                            + r.requestId().orElse("none") + "); test results are kept for 7 days.",
                    Optional.of(404),
                    r.requestId());
        }
        if (!ok(r)) {
            throw RegistrationErrors.refused(r, what);
        }
        try {
            return RegistrationJson.testResult(r.body(), correlationId.strip());
        } catch (RegistrationJson.Unexpected e) {
            throw RegistrationErrors.unexpected(r, what, e.getMessage());
        }
    }

    private WebhookRegistration write(String method, URI url, List<String> events, String what) {
        Objects.requireNonNull(url, "url");
        List<String> wanted = List.copyOf(events);
        RegistrationCaller.Response r = caller.call(
                method, config.registrationUri(""), RegistrationJson.registrationRequest(url, wanted), what);
        if (!ok(r)) {
            throw RegistrationErrors.refused(r, what);
        }
        LOG.atInfo()
                .addKeyValue("method", method)
                .addKeyValue("events", wanted.size())
                .addKeyValue("request_id", r.requestId().orElse(null))
                .log("partner_center_webhook_registered");
        try {
            // The documented answer is the registration; one without a body still registered what was sent.
            return RegistrationJson.registration(r.body())
                    .orElseGet(() -> new WebhookRegistration(url, wanted, Optional.empty(), Optional.empty()));
        } catch (RegistrationJson.Unexpected e) {
            return new WebhookRegistration(url, wanted, Optional.empty(), Optional.empty());
        }
    }

    private static boolean ok(RegistrationCaller.Response r) {
        return r.status() >= 200 && r.status() < 300;
    }

    /** Optional collaborators; the defaults are the production ones. */
    public static final class Builder extends ApiClientBuilder<WebhookApiConfig, Builder> {

        private Builder(WebhookApiConfig config, AccessTokenSource tokens) {
            super(config, tokens);
        }

        @Override
        Builder self() {
            return this;
        }

        public PartnerCenterWebhookRegistry build() {
            return new PartnerCenterWebhookRegistry(this);
        }
    }
}
