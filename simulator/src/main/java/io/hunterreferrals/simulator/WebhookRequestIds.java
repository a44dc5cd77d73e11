package io.hunterreferrals.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ms-requestid} as the idempotency key of a write (pc-webhooks.md §1: reuse it on a timeout retry): a POST or
 * PUT repeated with the same id gets the first answer again instead of a second effect, e.g. 201 rather than 409, and
 * the same validation correlation id without counting against the throttle. How long Partner Center remembers an id is
 * UNCONFIRMED; the simulator keeps the last {@link #KEPT}. Thread-safe.
 */
final class WebhookRequestIds {

    static final int KEPT = 256;

    private final Map<String, Reply> answered = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Reply> eldest) {
            return size() > KEPT;
        }
    };

    Reply replayOr(Request r, Supplier<Reply> handle) {
        boolean write = r.isPost() || "PUT".equals(r.method());
        String id = r.header("ms-requestid").orElse(null);
        if (!write || id == null) {
            return handle.get();
        }
        String key = r.method() + " " + r.path() + " " + id;
        // One lock for lookup, handling and storing, so two concurrent retries cannot both take effect.
        synchronized (this) {
            Reply previous = answered.get(key);
            if (previous != null) {
                return previous;
            }
            Reply reply = handle.get();
            if (reply.status() < 500 && reply.status() != 429) {
                answered.put(key, reply);
            }
            return reply;
        }
    }
}
