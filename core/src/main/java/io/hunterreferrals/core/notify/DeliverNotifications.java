package io.hunterreferrals.core.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: one pass of the delivery worker. It routes new events to the channels whose rules take them, then sends
 * what is due on each channel, recording every outcome. Deliveries are leased, so a worker that dies mid-delivery loses
 * nothing: the lease runs out and another worker sends it again (at least once; receivers drop a second copy by its
 * event id). Safe to run on any number of workers at once.
 */
public final class DeliverNotifications {

    /** Longer than any channel's timeout, so a slow attempt is never taken over while it may still succeed. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final int ROUTE_BATCH = 500;
    private static final int CLAIM_BATCH = 20;
    private static final int DIGEST_MAX = 200;

    private final Outbox outbox;
    private final Map<String, RoutedChannel> channels;
    private final RetryPolicy retry;
    private final EventLinks links;
    private final Clock clock;
    private final DeliveryListener listener;

    /** A channel and the rule that picks its events. */
    public record RoutedChannel(NotificationChannel channel, ChannelRule rule) {
        public RoutedChannel {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** What one pass did. */
    public record PassReport(int routed, int delivered, int failed) {
        public boolean didSomething() {
            return routed + delivered + failed > 0;
        }
    }

    public DeliverNotifications(
            Outbox outbox,
            List<RoutedChannel> channels,
            RetryPolicy retry,
            EventLinks links,
            Clock clock,
            DeliveryListener listener) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.channels = new LinkedHashMap<>();
        for (RoutedChannel routed : channels) {
            if (this.channels.put(routed.channel().name(), routed) != null) {
                throw new IllegalArgumentException(
                        "Two channels named " + routed.channel().name());
            }
        }
        this.retry = Objects.requireNonNull(retry, "retry");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The channels of one event under the configured rules. */
    public Set<String> channelsFor(StoredEvent stored) {
        Set<String> names = new LinkedHashSet<>();
        channels.values().forEach(c -> {
            if (c.rule().matches(stored.event())) {
                names.add(c.channel().name());
            }
        });
        return names;
    }

    /** Routes new events, then sends what is due on every channel, once. */
    public PassReport runOnce() {
        int routed = 0;
        for (int batch; (batch = outbox.route(ROUTE_BATCH, this::channelsFor, clock.instant())) > 0; ) {
            routed += batch;
        }
        if (routed > 0) {
            listener.routed(routed);
        }
        int delivered = 0;
        int failed = 0;
        for (RoutedChannel routedChannel : channels.values()) {
            NotificationChannel channel = routedChannel.channel();
            if (outbox.isGone(channel.name(), channel.targetKey())) {
                continue; // the receiver said 410 Gone: wait for a new target or an operator's retry
            }
            int[] counts = channel.digest().isPresent()
                    ? sendDigest(channel, channel.digest().get())
                    : sendEach(channel);
            delivered += counts[0];
            failed += counts[1];
        }
        return new PassReport(routed, delivered, failed);
    }

    /** Deletes settled events older than {@code retention}. */
    public int purge(Duration retention) {
        int purged = outbox.purge(clock.instant().minus(retention));
        if (purged > 0) {
            listener.purged(purged);
        }
        return purged;
    }

    private int[] sendEach(NotificationChannel channel) {
        int delivered = 0;
        int failed = 0;
        List<Delivery> due;
        while (!(due = outbox.claim(channel.name(), CLAIM_BATCH, clock.instant(), LEASE)).isEmpty()) {
            for (int i = 0; i < due.size(); i++) {
                if (send(channel, List.of(due.get(i)))) {
                    delivered++;
                } else {
                    // a receiver that failed once will most likely fail the next one too (down, gone, refusing):
                    // give the rest back untried and let the retry policy pace the channel
                    failed++;
                    outbox.release(due.subList(i + 1, due.size()).stream()
                            .map(Delivery::id)
                            .toList());
                    return new int[] {delivered, failed};
                }
            }
            if (due.size() < CLAIM_BATCH) {
                break;
            }
        }
        return new int[] {delivered, failed};
    }

    private int[] sendDigest(NotificationChannel channel, Duration window) {
        Instant now = clock.instant();
        Optional<Instant> oldest = outbox.oldestDue(channel.name(), now);
        if (oldest.isEmpty() || oldest.get().plus(window).isAfter(now)) {
            return new int[] {0, 0}; // the digest is still collecting
        }
        List<Delivery> due = outbox.claim(channel.name(), DIGEST_MAX, now, LEASE);
        if (due.isEmpty()) {
            return new int[] {0, 0};
        }
        return send(channel, due) ? new int[] {due.size(), 0} : new int[] {0, due.size()};
    }

    /** @return whether the channel took it */
    private boolean send(NotificationChannel channel, List<Delivery> deliveries) {
        Instant started = clock.instant();
        DeliveryResult result;
        try {
            result = channel.deliver(
                    deliveries.stream().map(d -> links.notification(d.event())).toList());
        } catch (RuntimeException e) {
            // a channel's bug must not stop the worker; the delivery is tried again like any failure
            result = new DeliveryResult.Failed(DeliveryFailure.of(
                    DeliveryErrorCode.SERVER_ERROR,
                    "The " + channel.name() + " channel failed unexpectedly: "
                            + e.getClass().getSimpleName()));
        }
        Instant finished = clock.instant();
        switch (result) {
            case DeliveryResult.Delivered ok -> {
                deliveries.forEach(d -> outbox.recordDelivered(d.id(), finished, ok.detail()));
                listener.delivered(channel.name(), deliveries.size(), Duration.between(started, finished));
                return true;
            }
            case DeliveryResult.Failed failed -> {
                DeliveryFailure failure = failed.failure();
                boolean dead = false;
                for (Delivery d : deliveries) {
                    Optional<Duration> delay = retry.nextDelay(d.attempt(), failure);
                    dead |= delay.isEmpty();
                    outbox.recordFailed(d.id(), finished, failure, delay.map(finished::plus));
                }
                if (failure.code() == DeliveryErrorCode.GONE) {
                    outbox.markGone(channel.name(), channel.targetKey(), finished);
                }
                listener.failed(channel.name(), deliveries.size(), failure, dead);
                return false;
            }
        }
    }
}
