package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.WebhookDelivery.Attempt;
import io.hunterreferrals.simulator.WebhookDelivery.Status;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log of raised events with every attempt and its outcome, newest last; bounded like the request journal, so a long
 * demo does not grow without limit. The dispatcher writes to it, tests and the admin endpoint read snapshots.
 * Thread-safe: every method holds this object's monitor.
 */
final class WebhookDeliveries {

    /** One event as the dispatcher needs it; mutable fields are guarded by the log's monitor. */
    static final class Entry {
        final long id;
        final String eventName;
        final String referralId;
        final URI url;
        final byte[] body;
        final boolean msSignatureHeader;
        final Instant raisedAt;
        final String correlationId;
        /** Only recorded as sent: the registration is another tool's and its URL is not on this machine. */
        final boolean pretend;

        private Status status = Status.PENDING;
        /** Signed by the dispatcher before the first attempt, off the thread that changed the referral. */
        private Map<String, String> headers = Map.of();

        private final List<Attempt> attempts = new ArrayList<>();

        private Entry(
                long id, WebhookEvent event, URI url, boolean msSignatureHeader, Instant raisedAt, boolean pretend) {
            this.id = id;
            this.eventName = event.eventName();
            this.referralId = event.referralId();
            this.url = url;
            this.body = event.body();
            this.msSignatureHeader = msSignatureHeader;
            this.raisedAt = raisedAt;
            this.correlationId = event.correlationId();
            this.pretend = pretend;
        }

        WebhookEvent event() {
            return new WebhookEvent(eventName, referralId, body, correlationId);
        }
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId = 1;

    WebhookDeliveries(int capacity) {
        this.capacity = capacity;
    }

    synchronized Entry add(WebhookEvent event, URI url, boolean msSignatureHeader, Instant at, boolean pretend) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        Entry e = new Entry(nextId++, event, url, msSignatureHeader, at, pretend);
        entries.addLast(e);
        return e;
    }

    /** A lost event: recorded, never attempted. */
    synchronized Entry lost(WebhookEvent event, URI url, Instant at) {
        Entry e = add(event, url, false, at, false);
        e.status = Status.LOST;
        notifyAll();
        return e;
    }

    synchronized void signed(Entry e, Map<String, String> headers) {
        e.headers = Map.copyOf(headers);
    }

    synchronized void attempted(Entry e, Attempt attempt) {
        e.attempts.add(attempt);
    }

    synchronized void finish(Entry e, Status status) {
        e.status = status;
        notifyAll();
    }

    synchronized List<WebhookDelivery> snapshot() {
        return entries.stream().map(WebhookDeliveries::view).toList();
    }

    synchronized Optional<WebhookDelivery> byCorrelationId(String correlationId) {
        return entries.stream()
                .filter(e -> correlationId.equals(e.correlationId))
                .findFirst()
                .map(WebhookDeliveries::view);
    }

    /** The newest event that is not a test event, optionally only for one referral. */
    synchronized Optional<WebhookEvent> lastEvent(String referralId) {
        for (Iterator<Entry> it = entries.descendingIterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.correlationId == null && (referralId == null || referralId.equals(e.referralId))) {
                return Optional.of(e.event());
            }
        }
        return Optional.empty();
    }

    synchronized WebhookDelivery view(long id) {
        return entries.stream()
                .filter(e -> e.id == id)
                .findFirst()
                .map(WebhookDeliveries::view)
                .orElseThrow();
    }

    /** Waits until no event is pending; false on timeout. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (entries.stream().anyMatch(e -> e.status == Status.PENDING)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized void clear() {
        entries.clear();
        notifyAll();
    }

    private static WebhookDelivery view(Entry e) {
        return new WebhookDelivery(
                e.id,
                e.eventName,
                e.referralId,
                e.url,
                new String(e.body, StandardCharsets.UTF_8),
                e.headers,
                e.raisedAt,
                e.status,
                e.attempts,
                e.correlationId);
    }
}
