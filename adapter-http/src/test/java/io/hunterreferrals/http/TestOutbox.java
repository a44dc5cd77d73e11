package io.hunterreferrals.http;

import io.hunterreferrals.core.notify.Delivery;
import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.StoredEvent;
import io.hunterreferrals.core.testing.InMemoryOutbox;
import io.hunterreferrals.core.testing.TestNotifications;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Core's in-memory outbox with events written, routed, delivered and killed the way a store and a worker do. */
final class TestOutbox {

    static final Instant T0 = Instant.parse("2025-05-02T10:00:00Z");
    /** When {@link #routeTo} routes: a pending delivery's next attempt. */
    static final Instant ROUTED_AT = T0.plusSeconds(180);

    final InMemoryOutbox outbox = new InMemoryOutbox();

    StoredEvent append(Event event, Instant at) {
        return outbox.append(event, at);
    }

    /** A {@code referral.created} of a co-sell referral of Contoso. */
    StoredEvent created(String referral, Instant at) {
        return outbox.append(
                Event.aboutReferral(
                        EventType.REFERRAL_CREATED, TestNotifications.facts(referral, "Contoso Ltd"), List.of()),
                at);
    }

    /** Routes every event not routed yet to these channels. */
    void routeTo(String... channels) {
        outbox.route(1000, e -> Set.of(channels), ROUTED_AT);
    }

    /** The receiver took it (at {@code T0 + 5 s}). */
    void deliver(String channel, StoredEvent event, String detail) {
        outbox.recordDelivered(claim(channel, event).id(), T0.plusSeconds(5), detail);
    }

    /** A failure that sends the delivery to the dead letters, with the receiver's request id {@code ms-req-9}. */
    void kill(String channel, StoredEvent event, DeliveryErrorCode code, String message) {
        outbox.recordFailed(
                claim(channel, event).id(),
                T0.plusSeconds(5),
                new DeliveryFailure(code, message, Optional.empty(), Optional.of("ms-req-9")),
                Optional.empty());
    }

    /** Claims the event's delivery on the channel, giving the others claimed with it back untried. */
    private Delivery claim(String channel, StoredEvent event) {
        List<Delivery> claimed = outbox.claim(channel, 1000, T0.plusSeconds(200), Duration.ofMinutes(1));
        outbox.release(claimed.stream()
                .filter(d -> !d.event().id().equals(event.id()))
                .map(Delivery::id)
                .toList());
        return claimed.stream()
                .filter(d -> d.event().id().equals(event.id()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No due delivery of " + event.id() + " on " + channel));
    }
}
