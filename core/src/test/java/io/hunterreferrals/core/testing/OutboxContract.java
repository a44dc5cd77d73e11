package io.hunterreferrals.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.notify.Delivery;
import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryState;
import io.hunterreferrals.core.notify.DeliveryView;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventFilter;
import io.hunterreferrals.core.notify.EventProblem;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.EventView;
import io.hunterreferrals.core.notify.FieldChange;
import io.hunterreferrals.core.notify.Outbox;
import io.hunterreferrals.core.notify.ReferralFacts;
import io.hunterreferrals.core.notify.StoredEvent;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Outbox} must do; run against the in-memory outbox and PostgreSQL. */
public abstract class OutboxContract {

    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final DeliveryFailure DOWN = DeliveryFailure.of(DeliveryErrorCode.CONNECT, "Connection refused");

    protected Outbox outbox;

    protected abstract Outbox createOutbox();

    /** Writes an event as the stores do, in a transaction of its own, at {@code at}. */
    protected abstract void append(Event event, Instant at);

    @BeforeEach
    void createOutboxUnderTest() {
        outbox = createOutbox();
    }

    static Event created(String referral) {
        return Event.aboutReferral(
                EventType.REFERRAL_CREATED, TestNotifications.facts(referral, "Contoso Ltd"), List.of());
    }

    static Event statusChanged(String referral) {
        return Event.aboutReferral(
                EventType.REFERRAL_STATUS_CHANGED,
                TestNotifications.facts(referral, "Contoso Ltd"),
                List.of(new FieldChange(ReferralFacts.STATUS, "New", null)));
    }

    static Event syncFailed() {
        return Event.failure(
                EventType.SYNC_FAILED, new EventProblem("sign_in_required", "Sign in again", Optional.of("req-1")));
    }

    private List<StoredEvent> stored() {
        return outbox.events(EventFilter.latest(500)).reversed().stream()
                .map(EventView::event)
                .toList();
    }

    @Test
    void eventsReadBackAsTheyWereWrittenInOrder() {
        append(created("r-1"), NOW);
        append(statusChanged("r-1"), NOW.plusSeconds(1));
        append(syncFailed(), NOW.plusSeconds(2));

        List<StoredEvent> events = stored();
        assertThat(events)
                .extracting(StoredEvent::event)
                .containsExactly(created("r-1"), statusChanged("r-1"), syncFailed());
        assertThat(events.get(0).sequence()).isLessThan(events.get(1).sequence());
        assertThat(events.get(1).occurredAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(outbox.event(events.get(2).id()).orElseThrow().routed()).isFalse();
    }

    @Test
    void routingWritesOneDeliveryPerChannelOnceAndRoutesEachEventOnce() {
        append(created("r-1"), NOW);
        append(syncFailed(), NOW);

        int routed = outbox.route(
                10, e -> e.event().type() == EventType.SYNC_FAILED ? Set.of("email") : Set.of("email", "teams"), NOW);

        assertThat(routed).isEqualTo(2);
        assertThat(outbox.route(10, e -> Set.of("email"), NOW)).isZero();
        List<StoredEvent> events = stored();
        assertThat(outbox.event(events.get(0).id()).orElseThrow().deliveries())
                .extracting(DeliveryView::channel)
                .containsExactly("email", "teams");
        assertThat(outbox.event(events.get(1).id()).orElseThrow().deliveries())
                .extracting(DeliveryView::channel)
                .containsExactly("email");
        assertThat(outbox.event(events.get(1).id()).orElseThrow().routed()).isTrue();
    }

    @Test
    void anEventNoRuleTakesIsRoutedToNothing() {
        append(created("r-1"), NOW);

        assertThat(outbox.route(10, e -> Set.of(), NOW)).isEqualTo(1);

        EventView view = outbox.events(EventFilter.latest(10)).get(0);
        assertThat(view.routed()).isTrue();
        assertThat(view.deliveries()).isEmpty();
        assertThat(outbox.claim("email", 10, NOW, LEASE)).isEmpty();
    }

    @Test
    void aClaimIsALeaseThatNoOtherClaimGetsUntilItRunsOut() {
        append(created("r-1"), NOW);
        append(created("r-2"), NOW);
        outbox.route(10, e -> Set.of("email"), NOW);

        List<Delivery> first = outbox.claim("email", 10, NOW, LEASE);
        assertThat(first)
                .extracting(d -> d.event().event().referral().orElseThrow().id().value())
                .containsExactly("r-1", "r-2");
        assertThat(first).extracting(Delivery::attempt).containsOnly(1);
        assertThat(outbox.claim("email", 10, NOW.plusSeconds(60), LEASE)).isEmpty();
        assertThat(outbox.claim("teams", 10, NOW, LEASE)).isEmpty();

        // the worker died: its lease runs out and the next claim makes the second attempt
        List<Delivery> again = outbox.claim("email", 10, NOW.plus(LEASE), LEASE);
        assertThat(again)
                .extracting(Delivery::id)
                .containsExactlyElementsOf(first.stream().map(Delivery::id).toList());
        assertThat(again).extracting(Delivery::attempt).containsOnly(2);
    }

    @Test
    void aReferralsEventsReachAChannelInOrder() {
        append(created("r-1"), NOW);
        append(statusChanged("r-1"), NOW);
        append(created("r-2"), NOW);
        outbox.route(10, e -> Set.of("webhook"), NOW);

        List<Delivery> first = outbox.claim("webhook", 10, NOW, LEASE);
        assertThat(first)
                .extracting(d -> d.event().event().type() + " "
                        + d.event().event().referral().orElseThrow().id().value())
                .containsExactly("REFERRAL_CREATED r-1", "REFERRAL_CREATED r-2");

        // r-1's first event failed and waits for its retry: its second event waits behind it
        outbox.recordFailed(first.get(0).id(), NOW, DOWN, Optional.of(NOW.plusSeconds(10)));
        outbox.recordDelivered(first.get(1).id(), NOW, "HTTP 200");
        assertThat(outbox.claim("webhook", 10, NOW.plusSeconds(5), LEASE)).isEmpty();

        List<Delivery> retried = outbox.claim("webhook", 10, NOW.plusSeconds(10), LEASE);
        assertThat(retried)
                .extracting(Delivery::id)
                .containsExactly(first.get(0).id());
        outbox.recordDelivered(retried.get(0).id(), NOW.plusSeconds(10), "HTTP 200");
        assertThat(outbox.claim("webhook", 10, NOW.plusSeconds(10), LEASE))
                .extracting(d -> d.event().event().type())
                .containsExactly(EventType.REFERRAL_STATUS_CHANGED);
    }

    @Test
    void aDeliveryWithoutANextAttemptIsDeadListedAndRevivedByRetry() {
        append(created("r-1"), NOW);
        outbox.route(10, e -> Set.of("slack"), NOW);
        Delivery delivery = outbox.claim("slack", 1, NOW, LEASE).get(0);
        DeliveryFailure refused = new DeliveryFailure(
                DeliveryErrorCode.REJECTED, "Slack answered 400 invalid_blocks", Optional.empty(), Optional.of("x-1"));

        outbox.recordFailed(delivery.id(), NOW, refused, Optional.empty());

        List<EventView> dead =
                outbox.events(new EventFilter(Optional.empty(), Optional.of(DeliveryState.DEAD), Optional.empty(), 10));
        assertThat(dead).hasSize(1);
        DeliveryView view = dead.get(0).deliveries().get(0);
        assertThat(view.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(view.nextAttemptAt()).isEmpty();
        assertThat(view.lastError().orElseThrow().code()).isEqualTo(DeliveryErrorCode.REJECTED);
        assertThat(view.lastError().orElseThrow().message()).isEqualTo("Slack answered 400 invalid_blocks");
        assertThat(view.lastError().orElseThrow().requestId()).contains("x-1");
        assertThat(outbox.claim("slack", 1, NOW.plusSeconds(3600), LEASE)).isEmpty();

        assertThat(outbox.retryDead(Optional.of(dead.get(0).event().id()), NOW.plusSeconds(60)))
                .isEqualTo(1);

        List<Delivery> revived = outbox.claim("slack", 1, NOW.plusSeconds(60), LEASE);
        assertThat(revived).extracting(Delivery::attempt).containsExactly(1);
    }

    @Test
    void aReleasedClaimIsDueAgainWithoutAnAttemptUsed() {
        append(created("r-1"), NOW);
        outbox.route(10, e -> Set.of("teams"), NOW);
        Delivery claimed = outbox.claim("teams", 1, NOW, LEASE).get(0);

        outbox.release(List.of(claimed.id()));

        assertThat(outbox.claim("teams", 1, NOW, LEASE))
                .extracting(Delivery::attempt)
                .containsExactly(1);
    }

    @Test
    void aDeliveredOneIsNeverClaimedAgainAndShowsWhatTheReceiverSaid() {
        append(created("r-1"), NOW);
        outbox.route(10, e -> Set.of("email"), NOW);
        Delivery claimed = outbox.claim("email", 1, NOW, LEASE).get(0);

        outbox.recordDelivered(claimed.id(), NOW.plusSeconds(1), "250 OK");
        // a late failure report of a takeover cannot undo it
        outbox.recordFailed(claimed.id(), NOW.plusSeconds(2), DOWN, Optional.of(NOW.plusSeconds(3)));

        assertThat(outbox.claim("email", 1, NOW.plus(LEASE).plus(LEASE), LEASE)).isEmpty();
        DeliveryView view =
                outbox.events(EventFilter.latest(1)).get(0).deliveries().get(0);
        assertThat(view.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(view.deliveredAt()).contains(NOW.plusSeconds(1));
        assertThat(view.detail()).contains("250 OK");
    }

    @Test
    void aGoneTargetStaysGoneUntilARetry() {
        assertThat(outbox.isGone("webhook", "abc")).isFalse();

        outbox.markGone("webhook", "abc", NOW);
        outbox.markGone("webhook", "abc", NOW);

        assertThat(outbox.isGone("webhook", "abc")).isTrue();
        assertThat(outbox.isGone("webhook", "other")).isFalse();
        assertThat(outbox.isGone("slack", "abc")).isFalse();
        outbox.retryDead(Optional.empty(), NOW);
        assertThat(outbox.isGone("webhook", "abc")).isFalse();
    }

    @Test
    void theOldestDueDeliveryIsWhatADigestWaitsOn() {
        assertThat(outbox.oldestDue("email", NOW)).isEmpty();
        append(created("r-1"), NOW.minusSeconds(300));
        append(created("r-2"), NOW.minusSeconds(60));
        outbox.route(10, e -> Set.of("email"), NOW.minusSeconds(300));

        assertThat(outbox.oldestDue("email", NOW)).contains(NOW.minusSeconds(300));
        assertThat(outbox.oldestDue("teams", NOW)).isEmpty();
    }

    @Test
    void filtersByReferralAndType() {
        append(created("r-1"), NOW);
        append(created("r-2"), NOW);
        append(statusChanged("r-1"), NOW);
        append(syncFailed(), NOW);

        assertThat(outbox
                        .events(new EventFilter(
                                Optional.of(ReferralId.of("r-1")), Optional.empty(), Optional.empty(), 10))
                        .stream()
                        .map(v -> v.event().event().type()))
                .containsExactly(EventType.REFERRAL_STATUS_CHANGED, EventType.REFERRAL_CREATED);
        assertThat(outbox.events(
                        new EventFilter(Optional.empty(), Optional.empty(), Optional.of(EventType.SYNC_FAILED), 10)))
                .hasSize(1);
        assertThat(outbox.events(EventFilter.latest(2))).hasSize(2);
    }

    @Test
    void purgeDeletesOldSettledEventsAndKeepsPendingOnesWhateverTheirAge() {
        append(created("old-delivered"), NOW.minus(Duration.ofDays(40)));
        append(created("old-pending"), NOW.minus(Duration.ofDays(40)));
        append(created("old-no-channel"), NOW.minus(Duration.ofDays(40)));
        append(created("new-delivered"), NOW);
        outbox.route(2, e -> Set.of("email"), NOW.minus(Duration.ofDays(40)));
        outbox.route(
                10,
                e -> e.event().referral().orElseThrow().id().value().equals("old-no-channel")
                        ? Set.of()
                        : Set.of("email"),
                NOW);
        for (Delivery d : outbox.claim("email", 10, NOW, LEASE)) {
            if (!d.event().event().referral().orElseThrow().id().value().equals("old-pending")) {
                outbox.recordDelivered(d.id(), NOW, "250 OK");
            } else {
                outbox.recordFailed(d.id(), NOW, DOWN, Optional.of(NOW.plusSeconds(10)));
            }
        }

        assertThat(outbox.purge(NOW.minus(Duration.ofDays(30)))).isEqualTo(2);

        assertThat(outbox.events(EventFilter.latest(10)).stream()
                        .map(v ->
                                v.event().event().referral().orElseThrow().id().value()))
                .containsExactly("new-delivered", "old-pending");
    }
}
