package io.hunterreferrals.core.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * An event as a channel renders it.
 *
 * @param event the stored event
 * @param detailUrl the referral's detail in this product's web UI, when the event is about a referral and the public
 *     address is configured
 * @param partnerCenterUrl the referral in Partner Center, when the event is about a referral
 */
public record Notification(StoredEvent event, Optional<String> detailUrl, Optional<String> partnerCenterUrl) {

    public Notification {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(detailUrl, "detailUrl");
        Objects.requireNonNull(partnerCenterUrl, "partnerCenterUrl");
    }

    public EventType type() {
        return event.event().type();
    }
}
