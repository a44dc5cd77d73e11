package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.WebhookDeliveries.Entry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Partner Center's webhook side: the tenant's one registration, the events raised when a referral changes, their
 * delivery log, and the levers tests pull (pause, seed another tool's registration, resend a duplicate). The HTTP
 * registration API is {@link WebhookApiEndpoint}; sending is {@link WebhookDispatcher}'s. Thread-safe.
 */
public final class SimulatedWebhooks {

    /**
     * The URL Microsoft's co-sell connector ("Partner Center to Dynamics 365") registers; see
     * {@link #seedCoSellConnector()}.
     */
    public static final URI CO_SELL_CONNECTOR_URL =
            URI.create("https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke");

    private final String tenantId;
    private final Clock clock;
    private final SimulatedReferrals referrals;
    private final WebhookDeliveries log;
    private final WebhookDispatcher dispatcher;
    private final ValidationThrottle throttle;
    private volatile boolean paused;
    private WebhookRegistration registration;

    SimulatedWebhooks(
            String tenantId,
            Clock clock,
            SimulatedReferrals referrals,
            WebhookSettings settings,
            int logCapacity,
            Supplier<URI> certificateUrl) {
        this.tenantId = tenantId;
        this.clock = clock;
        this.referrals = referrals;
        this.log = new WebhookDeliveries(logCapacity);
        this.dispatcher = new WebhookDispatcher(settings, clock, log, () -> paused, certificateUrl);
        this.throttle = new ValidationThrottle(clock, settings.validationEventsPerMinute());
    }

    // ---- levers for tests and the demo ------------------------------------------------------------------------

    public synchronized Optional<WebhookRegistration> registration() {
        return Optional.ofNullable(registration);
    }

    /**
     * Puts a registration in place as if another tool had made it, replacing any: events go to {@code url} only when
     * its host is this machine (localhost or a loopback address); otherwise they are recorded as delivered unsent.
     */
    public synchronized WebhookRegistration seedRegistration(URI url, List<String> events, boolean msSignatureHeader) {
        registration =
                new WebhookRegistration(tenantId, url, normalized(events), msSignatureHeader, clock.instant(), true);
        return registration;
    }

    /** Microsoft's co-sell connector's registration: its Logic App URL, the 4 referral events, x-ms-signature on. */
    public WebhookRegistration seedCoSellConnector() {
        return seedRegistration(CO_SELL_CONNECTOR_URL, WebhookRegistration.REFERRAL_EVENTS, true);
    }

    /** No registration afterwards. Partner Center documents no DELETE; this is a lever only. */
    public synchronized void clearRegistration() {
        registration = null;
    }

    /** Events raised from now on, and attempts that come due, are lost (an outage Partner Center gave up on). */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    /** Every event raised so far with its attempts, oldest first. */
    public List<WebhookDelivery> deliveries() {
        return log.snapshot();
    }

    public void clearDeliveries() {
        log.clear();
    }

    /** Waits until no event is pending (delivered, dropped or lost); false on timeout. */
    public boolean awaitIdle(Duration timeout) {
        try {
            return log.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends the newest referral event again, byte for byte, to the current registration: a duplicate to dedupe. */
    public WebhookDelivery resendLast() {
        return resendOf(null);
    }

    /** Sends the newest event about this referral again, byte for byte. */
    public WebhookDelivery resend(String referralId) {
        return resendOf(referralId);
    }

    /**
     * Raises an event for an existing referral, stamped with its updatedDateTime, as the registration allows: e.g.
     * {@code related-referral-updated}, which the simulator never raises by itself. Empty when nothing is sent (no
     * registration, or it does not list the event).
     */
    public Optional<WebhookDelivery> raise(String eventName, String referralId) {
        String updated = referrals
                .get(referralId)
                .map(r -> r.path("updatedDateTime").asText(null))
                .orElseThrow(() -> new NoSuchElementException("no referral with this id"));
        return enqueue(WebhookEvent.referral(eventName, referralId, changedAt(updated)))
                .map(e -> log.view(e.id));
    }

    /** The validationEvents throttle's limit per minute (default from {@link WebhookSettings}). */
    public void validationEventsPerMinute(int limit) {
        throttle.limit(limit);
    }

    public void resetValidationThrottle() {
        throttle.reset();
    }

    // ---- used by the simulator --------------------------------------------------------------------------------

    /** SimulatedReferrals calls this, under its lock, after every change; only queues, never sends. */
    void referralChanged(String id, boolean created, Supplier<String> updatedDateTime) {
        String event = created ? "referral-created" : "referral-updated";
        WebhookRegistration r = registration().orElse(null);
        if (r != null && r.listens(event)) {
            enqueue(WebhookEvent.referral(event, id, changedAt(updatedDateTime.get())));
        }
    }

    synchronized boolean create(WebhookRegistration candidate) {
        if (registration != null) {
            return false;
        }
        registration = candidate;
        return true;
    }

    synchronized boolean replace(WebhookRegistration candidate) {
        if (registration == null) {
            return false;
        }
        registration = candidate;
        return true;
    }

    /** Retry-After seconds when throttled; else empty and the call counts. */
    OptionalLong throttleValidation() {
        return throttle.acquire();
    }

    /** Sends a test-created event; the caller checked the registration lists it. Returns the correlation id. */
    String sendTestEvent() {
        String correlationId = UUID.randomUUID().toString();
        enqueue(WebhookEvent.test(correlationId, clock.instant()));
        return correlationId;
    }

    Optional<WebhookDelivery> validation(String correlationId) {
        return log.byCorrelationId(correlationId);
    }

    String tenantId() {
        return tenantId;
    }

    /** Stops the dispatcher with the simulator; events still queued stay PENDING. */
    void close() {
        dispatcher.close();
    }

    Instant now() {
        return clock.instant();
    }

    static List<String> normalized(List<String> events) {
        return events.stream()
                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    private synchronized Optional<Entry> enqueue(WebhookEvent event) {
        if (registration == null || !registration.listens(event.eventName())) {
            return Optional.empty();
        }
        URI url = registration.webhookUrl();
        if (paused) {
            return Optional.of(log.lost(event, url, clock.instant()));
        }
        boolean pretend = registration.ownedByAnotherTool() && !onThisMachine(url);
        Entry e = log.add(event, url, registration.signatureTokenToMsSignatureHeader(), clock.instant(), pretend);
        dispatcher.submit(e);
        return Optional.of(e);
    }

    private WebhookDelivery resendOf(String referralId) {
        WebhookEvent last = log.lastEvent(referralId)
                .orElseThrow(() -> new IllegalStateException("no referral event was raised yet"));
        return enqueue(last)
                .map(e -> log.view(e.id))
                .orElseThrow(() -> new IllegalStateException("the registration does not take " + last.eventName()));
    }

    private Instant changedAt(String updatedDateTime) {
        return Timestamps.parse(updatedDateTime).orElseGet(clock::instant);
    }

    private static boolean onThisMachine(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost") || host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.startsWith("[")) {
            return false; // a name: resolving it would be a DNS query for a host we must not call anyway
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
