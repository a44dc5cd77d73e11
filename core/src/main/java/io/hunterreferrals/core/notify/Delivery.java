package io.hunterreferrals.core.notify;

import java.util.Objects;

/**
 * One event on its way to one channel, as claimed by a worker.
 *
 * @param id the delivery's id
 * @param channel the channel's name
 * @param attempt this attempt's number, 1 for the first (a worker that died mid-attempt used one up)
 * @param event the event
 */
public record Delivery(long id, String channel, int attempt, StoredEvent event) {

    public Delivery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
    }
}
