package io.hunterreferrals.core.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event in the outbox.
 *
 * @param id its id, which every channel sends as the idempotency key
 * @param sequence its place in line: events are delivered in this order per referral and channel
 * @param occurredAt when the transaction that caused it wrote it
 * @param event what it says
 */
public record StoredEvent(UUID id, long sequence, Instant occurredAt, Event event) {

    public StoredEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(event, "event");
    }
}
