package io.hunterreferrals.core.notify;

import java.util.List;
import java.util.Objects;

/**
 * An event with its deliveries, as the API, the CLI and the UI show it.
 *
 * @param event the stored event
 * @param routed whether a worker has decided its channels yet
 * @param deliveries one per channel it goes to
 */
public record EventView(StoredEvent event, boolean routed, List<DeliveryView> deliveries) {

    public EventView {
        Objects.requireNonNull(event, "event");
        deliveries = List.copyOf(deliveries);
    }
}
