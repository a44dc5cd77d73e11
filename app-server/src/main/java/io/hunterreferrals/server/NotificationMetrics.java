package io.hunterreferrals.server;

import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Notifications by channel and outcome ({@code hunter_notifications_total{channel, outcome}}: delivered, failed, dead;
 * failures also by {@code error_code}), delivery durations per channel, and events routed and purged.
 */
final class NotificationMetrics implements DeliveryListener {

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void routed(int events) {
        registry.counter("hunter.notification.events.routed").increment(events);
    }

    @Override
    public void delivered(String channel, int notifications, Duration took) {
        registry.counter("hunter.notifications", "channel", channel, "outcome", "delivered", "error_code", "none")
                .increment(notifications);
        Timer.builder("hunter.notification.delivery.duration")
                .description("Time a channel took to take one message (a digest is one)")
                .tag("channel", channel)
                .register(registry)
                .record(took);
    }

    @Override
    public void failed(String channel, int notifications, DeliveryFailure failure, boolean dead) {
        registry.counter(
                        "hunter.notifications",
                        "channel",
                        channel,
                        "outcome",
                        dead ? "dead" : "failed",
                        "error_code",
                        failure.code().code())
                .increment(notifications);
    }

    @Override
    public void purged(int events) {
        registry.counter("hunter.notification.events.purged").increment(events);
    }
}
