package io.hunterreferrals.core.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one webhook registration a partner tenant has in Partner Center (pc-webhooks.md §1), whoever made it.
 *
 * @param url where Partner Center sends every event
 * @param events the events' wire names as registered (other tools may register events this product does not know)
 */
public record WebhookRegistration(
        URI url, List<String> events, Optional<String> subscriberId, Optional<Instant> lastModified) {

    public WebhookRegistration {
        Objects.requireNonNull(url, "url");
        events = List.copyOf(events);
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /** Whether it sends to {@code ours}. */
    public boolean sendsTo(URI ours) {
        return url.normalize().toString().equalsIgnoreCase(ours.normalize().toString());
    }

    /** Whether every event the product needs is registered. */
    public boolean coversEverything() {
        return HintEvent.REGISTERED.stream()
                .allMatch(e -> events.stream().anyMatch(name -> name.equalsIgnoreCase(e.wireName())));
    }
}
