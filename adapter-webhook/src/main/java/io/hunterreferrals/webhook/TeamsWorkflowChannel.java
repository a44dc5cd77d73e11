package io.hunterreferrals.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.NotificationChannel;
import io.hunterreferrals.core.notify.NotificationText;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code teams} channel: each notification as an Adaptive Card ({@link TeamsCard}) posted to a Teams Workflows
 * webhook. Workflows answers 202 Accepted when the flow run starts (200 from some flows); whether the card reached the
 * channel is then the flow's business, visible in its run history in Power Automate.
 */
public final class TeamsWorkflowChannel implements NotificationChannel, AutoCloseable {

    public static final String NAME = "teams";

    private final TeamsWorkflowConfig config;
    private final NotificationText text;
    private final WebhookPoster poster;

    public TeamsWorkflowChannel(TeamsWorkflowConfig config) {
        this(config, Clock.systemUTC());
    }

    TeamsWorkflowChannel(TeamsWorkflowConfig config, Clock clock) {
        this.config = config;
        this.text = NotificationText.of(config.language());
        this.poster = new WebhookPoster(receiver(config), config.timeouts(), clock);
    }

    private static Receiver receiver(TeamsWorkflowConfig config) {
        String setting = TeamsWorkflowConfig.SETTING;
        return new Receiver(
                "Teams",
                setting,
                config.url(),
                List.of("x-ms-request-id", "request-id", "x-ms-correlation-request-id", "x-ms-workflow-run-id"),
                "the flow's trigger must allow \"Anyone\" to start it, and its URL must be complete (with sig=);"
                        + " copy the HTTP URL from the trigger in Power Automate into " + setting,
                "the flow was deleted or turned off, or the URL is incomplete; turn it on in Power Automate, or"
                        + " create a new one (\"When a Teams webhook request is received\") and set " + setting);
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

    /** Posts the one notification it is given ({@link Deliveries#single}). */
    @Override
    public DeliveryResult deliver(List<Notification> notifications) {
        Notification notification = Deliveries.single(NAME, notifications);
        byte[] body = Json.bytes(TeamsCard.message(notification, text));
        return poster.post(body, Map.of(), answer -> Answers.judge(poster.receiver(), answer, errorCode(answer)));
    }

    /** Power Automate answers errors as {@code {"error":{"code":"WorkflowNotFound","message":"..."}}}. */
    private static Optional<String> errorCode(Answer answer) {
        return Json.parse(answer.body())
                .map(json -> json.path("error").path("code"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    @Override
    public void close() {
        poster.close();
    }

    @Override
    public String toString() {
        return "TeamsWorkflowChannel[" + target() + "]";
    }
}
