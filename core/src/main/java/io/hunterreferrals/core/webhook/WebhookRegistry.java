package io.hunterreferrals.core.webhook;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: Partner Center's webhook registration API ({@code /webhooks/v1/registration}, its own token audience).
 * Failures are {@link WebhookRegistryException}s. The API has no documented way to delete a registration.
 */
public interface WebhookRegistry {

    /** The tenant's registration, if it has one. */
    Optional<WebhookRegistration> current();

    /** Creates the tenant's registration (there is none yet). */
    WebhookRegistration create(URI url, List<String> events);

    /** Replaces the tenant's registration. */
    WebhookRegistration replace(URI url, List<String> events);

    /** Asks Partner Center to send a {@code test-created} event to the registered URL; returns its correlation id. */
    String sendTest();

    WebhookTestResult testResult(String correlationId);
}
