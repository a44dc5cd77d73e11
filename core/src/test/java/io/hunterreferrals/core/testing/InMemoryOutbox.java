package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.notify.Delivery;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryState;
import io.hunterreferrals.core.notify.DeliveryView;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventFilter;
import io.hunterreferrals.core.notify.EventView;
import io.hunterreferrals.core.notify.Outbox;
import io.hunterreferrals.core.notify.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** {@link Outbox} in memory, for the use cases' tests; synchronized, like the database's locks. */
public final class InMemoryOutbox implements Outbox {

    private final List<StoredEvent> events = new ArrayList<>();
    private final Set<UUID> routed = new HashSet<>();
    private final List<Row> deliveries = new ArrayList<>();
    private final Set<String> gone = new HashSet<>();
    private long sequence;
    private long deliveryIds;

    private static final class Row {
        final long id;
        final StoredEvent event;
        final String channel;
        DeliveryState state = DeliveryState.PENDING;
        int attempts;
        Instant nextAttemptAt;
        Instant leasedUntil;
        Instant deliveredAt;
        String detail;
        DeliveryFailure lastError;

        Row(long id, StoredEvent event, String channel, Instant due) {
            this.id = id;
            this.event = event;
            this.channel = channel;
            this.nextAttemptAt = due;
        }

        Optional<String> referral() {
            return event.event().referral().map(r -> r.id().value());
        }
    }

    /** Writes an event, as a store does in the transaction of its cause. */
    public synchronized StoredEvent append(Event event, Instant at) {
        StoredEvent stored = new StoredEvent(UUID.randomUUID(), ++sequence, at, event);
        events.add(stored);
        return stored;
    }

    @Override
    public synchronized int route(int limit, Function<StoredEvent, Set<String>> router, Instant now) {
        List<StoredEvent> next = events.stream()
                .filter(e -> !routed.contains(e.id()))
                .limit(limit)
                .toList();
        for (StoredEvent event : next) {
            for (String channel : router.apply(event)) {
                deliveries.add(new Row(++deliveryIds, event, channel, now));
            }
            routed.add(event.id());
        }
        return next.size();
    }

    @Override
    public synchronized List<Delivery> claim(String channel, int limit, Instant now, Duration lease) {
        List<Delivery> claimed = new ArrayList<>();
        for (Row row : deliveries) {
            if (claimed.size() == limit) {
                break;
            }
            if (row.channel.equals(channel)
                    && row.state == DeliveryState.PENDING
                    && !row.nextAttemptAt.isAfter(now)
                    && (row.leasedUntil == null || !row.leasedUntil.isAfter(now))
                    && !waitsForAnEarlierOne(row)) {
                row.leasedUntil = now.plus(lease);
                row.attempts++;
                claimed.add(new Delivery(row.id, row.channel, row.attempts, row.event));
            }
        }
        return claimed;
    }

    private boolean waitsForAnEarlierOne(Row row) {
        return row.referral().isPresent()
                && deliveries.stream()
                        .anyMatch(other -> other.channel.equals(row.channel)
                                && other.state == DeliveryState.PENDING
                                && other.referral().equals(row.referral())
                                && other.event.sequence() < row.event.sequence());
    }

    @Override
    public synchronized void release(List<Long> deliveryIds) {
        deliveries.stream()
                .filter(r -> deliveryIds.contains(r.id) && r.state == DeliveryState.PENDING && r.attempts > 0)
                .forEach(r -> {
                    r.leasedUntil = null;
                    r.attempts--;
                });
    }

    @Override
    public synchronized Optional<Instant> oldestDue(String channel, Instant now) {
        return deliveries.stream()
                .filter(r ->
                        r.channel.equals(channel) && r.state == DeliveryState.PENDING && !r.nextAttemptAt.isAfter(now))
                .map(r -> r.event.occurredAt())
                .min(Comparator.naturalOrder());
    }

    @Override
    public synchronized void recordDelivered(long deliveryId, Instant at, String detail) {
        row(deliveryId).ifPresent(r -> {
            r.state = DeliveryState.DELIVERED;
            r.deliveredAt = at;
            r.detail = detail;
            r.leasedUntil = null;
        });
    }

    @Override
    public synchronized void recordFailed(
            long deliveryId, Instant at, DeliveryFailure failure, Optional<Instant> nextAttemptAt) {
        row(deliveryId).filter(r -> r.state == DeliveryState.PENDING).ifPresent(r -> {
            r.lastError = failure;
            r.leasedUntil = null;
            if (nextAttemptAt.isPresent()) {
                r.nextAttemptAt = nextAttemptAt.get();
            } else {
                r.state = DeliveryState.DEAD;
            }
        });
    }

    @Override
    public synchronized void markGone(String channel, String targetKey, Instant at) {
        gone.add(channel + "\n" + targetKey);
    }

    @Override
    public synchronized boolean isGone(String channel, String targetKey) {
        return gone.contains(channel + "\n" + targetKey);
    }

    @Override
    public synchronized List<EventView> events(EventFilter filter) {
        return events.reversed().stream()
                .filter(e -> filter.referral().isEmpty()
                        || e.event().referral().map(r -> r.id()).equals(filter.referral()))
                .filter(e -> filter.type().isEmpty()
                        || e.event().type() == filter.type().get())
                .filter(e -> filter.state().isEmpty()
                        || deliveries.stream()
                                .anyMatch(d -> d.event.id().equals(e.id())
                                        && d.state == filter.state().get()))
                .limit(filter.limit())
                .map(this::view)
                .toList();
    }

    @Override
    public synchronized Optional<EventView> event(UUID id) {
        return events.stream().filter(e -> e.id().equals(id)).findFirst().map(this::view);
    }

    private EventView view(StoredEvent event) {
        return new EventView(
                event,
                routed.contains(event.id()),
                deliveries.stream()
                        .filter(d -> d.event.id().equals(event.id()))
                        .sorted(Comparator.comparing(d -> d.channel))
                        .map(d -> new DeliveryView(
                                d.channel,
                                d.state,
                                d.attempts,
                                d.state == DeliveryState.PENDING ? Optional.of(d.nextAttemptAt) : Optional.empty(),
                                Optional.ofNullable(d.deliveredAt),
                                Optional.ofNullable(d.lastError),
                                Optional.ofNullable(d.detail)))
                        .toList());
    }

    @Override
    public synchronized int retryDead(Optional<UUID> event, Instant now) {
        int revived = 0;
        for (Row row : deliveries) {
            if (row.state == DeliveryState.DEAD
                    && (event.isEmpty() || row.event.id().equals(event.get()))) {
                row.state = DeliveryState.PENDING;
                row.attempts = 0;
                row.nextAttemptAt = now;
                row.leasedUntil = null;
                revived++;
            }
        }
        gone.clear();
        return revived;
    }

    @Override
    public synchronized int purge(Instant before) {
        List<StoredEvent> old = events.stream()
                .filter(e -> e.occurredAt().isBefore(before) && routed.contains(e.id()))
                .filter(e -> deliveries.stream()
                        .noneMatch(d -> d.event.id().equals(e.id()) && d.state == DeliveryState.PENDING))
                .toList();
        Set<UUID> ids = new HashSet<>();
        old.forEach(e -> ids.add(e.id()));
        events.removeIf(e -> ids.contains(e.id()));
        deliveries.removeIf(d -> ids.contains(d.event.id()));
        routed.removeAll(ids);
        return old.size();
    }

    private Optional<Row> row(long id) {
        return deliveries.stream().filter(r -> r.id == id).findFirst();
    }
}
