package io.hunterreferrals.core.notify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: a way to tell people or systems about events (e-mail, Microsoft Teams, Slack, a signed webhook).
 * Implementations are thread-safe and never log a message's content or a secret part of their address.
 */
public interface NotificationChannel {

    /** The channel's name in rules, deliveries, metrics and {@code hunter notify test}: {@code email}, ... */
    String name();

    /**
     * Where it sends, masked for display ({@code https://hooks.slack.com/…}, {@code smtp.example.com:587}); a change of
     * target lets a channel that a receiver stopped ({@link DeliveryErrorCode#GONE}) start again.
     */
    String target();

    /**
     * The full target, or a fingerprint of it (a URL's secret path stays out of the database): when it changes, a
     * channel stopped by {@code 410 Gone} starts again.
     */
    default String targetKey() {
        return target();
    }

    /**
     * Sends the notifications as one message when the channel collects a digest ({@link #digest()}), else sends the one
     * notification it is given. Each carries its event id as the idempotency key, so a receiver can drop a notification
     * sent twice (delivery is at least once).
     */
    DeliveryResult deliver(List<Notification> notifications);

    /** How long to collect events into one message; empty sends each event as it comes. */
    default Optional<Duration> digest() {
        return Optional.empty();
    }
}
