package io.hunterreferrals.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every request a simulated host received, oldest first. Bounded, so a long-running demo does not grow without limit.
 * Thread-safe.
 */
public final class RequestJournal {

    private final int capacity;
    private final Deque<RecordedRequest> entries = new ArrayDeque<>();

    RequestJournal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void record(RecordedRequest request) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    public List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        return all().stream().filter(filter).toList();
    }

    /** Requests whose path starts with the prefix, e.g. {@code "/v1.0/engagements/referrals"}. */
    public List<RecordedRequest> toPath(String pathPrefix) {
        return matching(r -> r.path().startsWith(pathPrefix));
    }

    /** Calls to the Referrals API only (no token, admin or device-login traffic). */
    public List<RecordedRequest> referralRequests() {
        return toPath(PartnerCenterSimulator.REFERRALS_PATH);
    }

    /** Calls to the webhook registration API ({@code /webhooks/v1/registration...}). */
    public List<RecordedRequest> webhookRequests() {
        return toPath(WebhookApiEndpoint.PREFIX);
    }

    /** Calls to the token endpoint of any tenant. */
    public List<RecordedRequest> tokenRequests() {
        return matching(r -> r.path().toLowerCase(java.util.Locale.ROOT).endsWith("/oauth2/v2.0/token"));
    }

    public synchronized Optional<RecordedRequest> last() {
        return Optional.ofNullable(entries.peekLast());
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
