package io.hunterreferrals.core.notify;

import java.time.Duration;

/** Hears what the delivery worker does, for metrics and log events. Implementations must not throw. */
public interface DeliveryListener {

    DeliveryListener NONE = new DeliveryListener() {};

    default void routed(int events) {}

    default void delivered(String channel, int notifications, Duration took) {}

    /** @param dead whether the delivery went to the dead letters */
    default void failed(String channel, int notifications, DeliveryFailure failure, boolean dead) {}

    default void purged(int events) {}
}
