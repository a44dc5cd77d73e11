package io.hunterreferrals.core.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Driven port: the delivery side of the transactional outbox. Events are written by the stores, in the transaction of
 * what causes them ({@link ReferralEvents}); this port routes them to channels and keeps each delivery's state. Any
 * number of workers may share it: every method is safe to call concurrently, and no two callers are ever handed the
 * same delivery while its lease lasts.
 */
public interface Outbox {

    /**
     * Decides the channels of up to {@code limit} events not yet routed, oldest first, and records a pending delivery
     * for each (none when {@code router} gives none). Two workers routing at once route different events.
     *
     * @return how many events were routed
     */
    int route(int limit, Function<StoredEvent, Set<String>> router, Instant now);

    /**
     * Claims up to {@code limit} deliveries of {@code channel} that are due (pending, next attempt reached, no lease or
     * an expired one), oldest event first, never one whose referral has an earlier pending delivery on the channel (so
     * events reach a channel in order per referral), and leases them until {@code now + lease}. Each claim counts an
     * attempt.
     */
    List<Delivery> claim(String channel, int limit, Instant now, Duration lease);

    /**
     * Gives back claimed deliveries that were not attempted after all (the channel stopped after a failure): their
     * lease ends and their attempt is not counted.
     */
    void release(List<Long> deliveryIds);

    /** When the oldest due delivery of {@code channel} was written: a digest waits until it is old enough. */
    Optional<Instant> oldestDue(String channel, Instant now);

    void recordDelivered(long deliveryId, Instant at, String detail);

    /**
     * Records a failed attempt.
     *
     * @param nextAttemptAt when to try again; empty sends the delivery to the dead letters
     */
    void recordFailed(long deliveryId, Instant at, DeliveryFailure failure, Optional<Instant> nextAttemptAt);

    /**
     * Records that the receiver at {@code targetKey} answered {@code 410 Gone}: the channel sends nothing more there.
     * Its deliveries wait, pending, for a new target or an operator's {@link #retryDead}.
     */
    void markGone(String channel, String targetKey, Instant at);

    /** Whether the receiver at {@code targetKey} said {@code 410 Gone} (and no retry has cleared it since). */
    boolean isGone(String channel, String targetKey);

    /** Events, newest first, with their deliveries. */
    List<EventView> events(EventFilter filter);

    Optional<EventView> event(UUID id);

    /**
     * Makes the dead deliveries of one event (or of all events) pending again, due now, with their attempts reset, and
     * clears every {@link #markGone} mark: the operator says the receivers are ready.
     *
     * @return how many
     */
    int retryDead(Optional<UUID> event, Instant now);

    /**
     * Deletes the events older than {@code before} whose deliveries have all ended (delivered or dead), with those
     * deliveries; pending ones are kept whatever their age, so nothing is lost.
     *
     * @return how many events
     */
    int purge(Instant before);
}
