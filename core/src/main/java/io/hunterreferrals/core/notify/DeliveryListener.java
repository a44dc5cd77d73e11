package io.hunterreferrals.core.notify;

import java.time.Duration;
import java.util.List;

/** Hears what the delivery worker does, for metrics and log events. Implementations must not throw. */
public interface DeliveryListener {

    DeliveryListener NONE = new DeliveryListener() {};

    /** Tells each of {@code listeners}, in order. */
    static DeliveryListener all(List<DeliveryListener> listeners) {
        List<DeliveryListener> all = List.copyOf(listeners);
        return new DeliveryListener() {
            @Override
            public void routed(int events) {
                all.forEach(l -> l.routed(events));
            }

            @Override
            public void delivered(String channel, int notifications, Duration took) {
                all.forEach(l -> l.delivered(channel, notifications, took));
            }

            @Override
            public void failed(String channel, int notifications, DeliveryFailure failure, boolean dead) {
                all.forEach(l -> l.failed(channel, notifications, failure, dead));
            }

            @Override
            public void purged(int events) {
                all.forEach(l -> l.purged(events));
            }
        };
    }

    default void routed(int events) {}

    default void delivered(String channel, int notifications, Duration took) {}

    /** @param dead whether the delivery went to the dead letters */
    default void failed(String channel, int notifications, DeliveryFailure failure, boolean dead) {}

    default void purged(int events) {}
}
