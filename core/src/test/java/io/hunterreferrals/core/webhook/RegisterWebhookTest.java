package io.hunterreferrals.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one registration per tenant: made, kept, or replaced only by force, with other tools' events kept. */
class RegisterWebhookTest {

    private static final URI OURS = URI.create("https://hunter.example.com/api/v1/partner-center/webhooks");
    private static final URI CONNECTOR =
            URI.create("https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke");

    /** A registry in memory that records the calls made to it. */
    private static final class Registry implements WebhookRegistry {
        Optional<WebhookRegistration> registration = Optional.empty();
        final List<String> calls = new ArrayList<>();

        @Override
        public Optional<WebhookRegistration> current() {
            return registration;
        }

        @Override
        public WebhookRegistration create(URI url, List<String> events) {
            calls.add("POST");
            registration = Optional.of(new WebhookRegistration(url, events, Optional.of("sub-1"), Optional.empty()));
            return registration.get();
        }

        @Override
        public WebhookRegistration replace(URI url, List<String> events) {
            calls.add("PUT");
            registration = Optional.of(new WebhookRegistration(url, events, Optional.of("sub-1"), Optional.empty()));
            return registration.get();
        }

        @Override
        public String sendTest() {
            return "c-1";
        }

        @Override
        public WebhookTestResult testResult(String correlationId) {
            return new WebhookTestResult(correlationId, "completed", List.of());
        }
    }

    private final Registry registry = new Registry();
    private final RegisterWebhook register = new RegisterWebhook(registry);

    @Test
    void withNoRegistrationItCreatesOneForEveryEventAndThenChangesNothing() {
        RegisterWebhook.Outcome first = register.register(OURS, false);

        assertThat(first).isInstanceOf(RegisterWebhook.Outcome.Registered.class);
        assertThat(registry.registration.orElseThrow().events())
                .containsExactly(
                        "referral-created",
                        "referral-updated",
                        "related-referral-created",
                        "related-referral-updated",
                        "test-created");
        assertThat(register.register(OURS, false)).isInstanceOf(RegisterWebhook.Outcome.Unchanged.class);
        assertThat(registry.calls).containsExactly("POST");
    }

    @Test
    void anotherToolsRegistrationIsReplacedOnlyByForceAndKeepsItsEvents() {
        registry.registration = Optional.of(new WebhookRegistration(
                CONNECTOR, List.of("referral-created", "subscription-updated"), Optional.empty(), Optional.empty()));

        RegisterWebhook.Outcome refused = register.register(OURS, false);

        assertThat(refused)
                .isInstanceOfSatisfying(
                        RegisterWebhook.Outcome.Conflict.class,
                        c -> assertThat(c.current().url()).isEqualTo(CONNECTOR));
        assertThat(registry.calls).isEmpty();

        RegisterWebhook.Outcome forced = register.register(OURS, true);

        assertThat(forced)
                .isInstanceOfSatisfying(
                        RegisterWebhook.Outcome.Registered.class,
                        r -> assertThat(r.replaced()).contains(CONNECTOR));
        assertThat(registry.calls).containsExactly("PUT");
        assertThat(registry.registration.orElseThrow().events())
                .startsWith("referral-created", "subscription-updated")
                .contains("referral-updated", "test-created");
    }

    @Test
    void ourUrlMissingAnEventIsCompletedWithoutForce() {
        registry.registration = Optional.of(
                new WebhookRegistration(OURS, List.of("referral-created"), Optional.empty(), Optional.empty()));

        assertThat(register.register(OURS, false))
                .isInstanceOfSatisfying(
                        RegisterWebhook.Outcome.Registered.class,
                        r -> assertThat(r.replaced()).isEmpty());
        assertThat(registry.registration.orElseThrow().coversEverything()).isTrue();
    }

    @Test
    void onlyAnHttpsUrlOrLoopbackHttpIsAccepted() {
        assertThatThrownBy(() -> register.register(URI.create("http://hunter.example.com/hook"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        assertThatThrownBy(() -> RegisterWebhook.checkUrl(URI.create("https://user:pw@hunter.example.com/hook")))
                .hasMessageContaining("user name");
        assertThat(RegisterWebhook.checkUrl(URI.create("http://127.0.0.1:8080/api/v1/partner-center/webhooks")))
                .isNotNull();
        assertThat(registry.calls).isEmpty();
    }
}
