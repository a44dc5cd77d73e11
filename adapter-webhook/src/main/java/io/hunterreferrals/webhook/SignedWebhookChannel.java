package io.hunterreferrals.webhook;

import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.NotificationChannel;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code webhook} channel: each notification as JSON ({@link SignedPayload}) POSTed to another system, with
 *
 * <ul>
 *   <li>{@code Idempotency-Key} and {@code X-Hunter-Event-Id}: the event id; the same on every retry, so the receiver
 *       drops a second copy (delivery is at least once);
 *   <li>{@code X-Hunter-Event-Type}: the event's wire name, for routing without parsing;
 *   <li>{@code X-Hunter-Timestamp}: Unix seconds when this attempt was signed;
 *   <li>{@code X-Hunter-Signature}: {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 *       ({@link WebhookSignature}).
 * </ul>
 *
 * Any 2xx is delivered; the other answers follow the common rules ({@link Answers}), 410 stopping the channel until its
 * URL changes.
 */
public final class SignedWebhookChannel implements NotificationChannel, AutoCloseable {

    public static final String NAME = "webhook";

    private final SignedWebhookConfig config;
    private final Clock clock;
    private final WebhookPoster poster;

    public SignedWebhookChannel(SignedWebhookConfig config) {
        this(config, Clock.systemUTC());
    }

    SignedWebhookChannel(SignedWebhookConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        String setting = SignedWebhookConfig.SETTING;
        this.poster = new WebhookPoster(
                new Receiver(
                        "The webhook receiver",
                        setting,
                        config.url(),
                        List.of("X-Request-Id", "Request-Id", "X-Correlation-Id"),
                        "check that it verifies the signature with the secret in "
                                + SignedWebhookConfig.SECRET_SETTING + " and that its clock is right (it refuses"
                                + " timestamps too far from its own)",
                        "check the path in " + setting),
                config.timeouts(),
                clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return WebhookUrls.origin(config.url());
    }

    @Override
    public String targetKey() {
        return WebhookUrls.fingerprint(config.url());
    }

    /** Posts the one notification it is given ({@link Deliveries#single}), signed now. */
    @Override
    public DeliveryResult deliver(List<Notification> notifications) {
        Notification notification = Deliveries.single(NAME, notifications);
        byte[] body = Json.bytes(SignedPayload.of(notification));
        long timestamp = clock.instant().getEpochSecond();
        String eventId = notification.event().id().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", eventId);
        headers.put("X-Hunter-Event-Id", eventId);
        headers.put("X-Hunter-Event-Type", notification.type().wire());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(config.secret(), timestamp, body));
        return poster.post(
                body, headers, answer -> Answers.judge(poster.receiver(), answer, java.util.Optional.empty()));
    }

    @Override
    public void close() {
        poster.close();
    }

    @Override
    public String toString() {
        return "SignedWebhookChannel[" + target() + "]";
    }
}
