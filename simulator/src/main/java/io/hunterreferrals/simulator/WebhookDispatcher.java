package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.WebhookDeliveries.Entry;
import io.hunterreferrals.simulator.WebhookDelivery.Attempt;
import io.hunterreferrals.simulator.WebhookDelivery.Status;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts events to the registered URL on one daemon thread, in the order raised, each up to
 * {@link WebhookSettings#attempts()} times with a doubling back-off; a non-2xx answer or an I/O error is a failed
 * attempt. One thread means a failing event holds back the ones after it, as a single ordered queue would; the caller
 * (an admin lever, a PATCH) never waits for any of it.
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int RESPONSE_KEPT = 256;

    private final WebhookSettings settings;
    private final Clock clock;
    private final WebhookDeliveries log;
    private final BooleanSupplier paused;
    private final Supplier<URI> certificateUrl;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulator-webhooks");
        t.setDaemon(true);
        return t;
    });
    /** Made on the first delivery, on the dispatcher thread: an HttpClient starts threads of its own. */
    private volatile HttpClient http;

    WebhookDispatcher(
            WebhookSettings settings,
            Clock clock,
            WebhookDeliveries log,
            BooleanSupplier paused,
            Supplier<URI> certificateUrl) {
        this.settings = settings;
        this.certificateUrl = certificateUrl;
        this.clock = clock;
        this.log = log;
        this.paused = paused;
    }

    void submit(Entry entry) {
        try {
            executor.execute(() -> deliverSafely(entry));
        } catch (RejectedExecutionException closed) {
            // The simulator was closed: a change after that has nobody to send it.
            log.finish(entry, Status.LOST);
        }
    }

    private void deliverSafely(Entry e) {
        try {
            deliver(e);
        } catch (RuntimeException bug) {
            // E.g. the simulator is not started, so there is no certificate URL: the event must not stay PENDING.
            LOG.warn("webhook {} {} could not be sent", e.id, e.eventName, bug);
            log.attempted(e, new Attempt(1, clock.instant(), -1, bug.toString(), null));
            log.finish(e, Status.DROPPED);
        }
    }

    private void deliver(Entry e) {
        Map<String, String> headers = headers(e);
        log.signed(e, headers);
        for (int n = 1; n <= settings.attempts(); n++) {
            if (paused.getAsBoolean()) {
                LOG.debug("webhook {} {} lost: delivery paused", e.id, e.eventName);
                log.finish(e, Status.LOST);
                return;
            }
            Attempt attempt = e.pretend
                    ? new Attempt(n, clock.instant(), 200, null, "not sent: the registration belongs to another tool")
                    : send(e, headers, n);
            log.attempted(e, attempt);
            LOG.debug("webhook {} {} attempt {} -> {}", e.id, e.eventName, n, attempt.statusCode());
            if (attempt.succeeded()) {
                log.finish(e, Status.DELIVERED);
                return;
            }
            if (n < settings.attempts() && !sleep(settings.backoffAfter(n).toMillis())) {
                return;
            }
        }
        // "moved into an offline queue and no further attempts will be made" (pc-webhooks.md §2)
        LOG.debug("webhook {} {} dropped after {} attempts", e.id, e.eventName, settings.attempts());
        log.finish(e, Status.DROPPED);
    }

    /** pc-webhooks.md §2: the signature over the exact body, where the registration wants it, and the key's URL. */
    private Map<String, String> headers(Entry e) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put(
                e.msSignatureHeader ? "x-ms-signature" : "Authorization",
                "Signature " + WebhookCertificates.shared().sign(e.body));
        h.put("X-MS-Certificate-Url", certificateUrl.get().toString());
        h.put("X-MS-Signature-Algorithm", "rsa-sha256");
        return h;
    }

    private Attempt send(Entry e, Map<String, String> headers, int n) {
        HttpRequest.Builder b = HttpRequest.newBuilder(e.url)
                .timeout(settings.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(e.body));
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(r.body(), StandardCharsets.UTF_8);
            return new Attempt(
                    n,
                    clock.instant(),
                    r.statusCode(),
                    null,
                    text.length() > RESPONSE_KEPT ? text.substring(0, RESPONSE_KEPT) : text);
        } catch (IOException | IllegalArgumentException ex) {
            String error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
            return new Attempt(n, clock.instant(), -1, error, null);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Attempt(n, clock.instant(), -1, "interrupted", null);
        }
    }

    private HttpClient client() {
        if (http == null) {
            // HTTP/1.1: no h2c upgrade headers for receivers to trip over; redirects are not followed.
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        HttpClient client = http;
        if (client != null) {
            client.shutdownNow();
        }
    }
}
