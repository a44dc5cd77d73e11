package io.hunterreferrals.webhook;

import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.NotificationChannel;
import io.hunterreferrals.core.notify.NotificationText;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code slack} channel: each notification as a Block Kit message ({@link SlackBlocks}) posted to a Slack incoming
 * webhook. Slack answers {@code 200 ok}, or an HTTP error with a short code as the body ({@code 404 no_service},
 * {@code 403 invalid_token}, {@code 410 channel_is_archived}); those codes get their own advice, the rest the common
 * rules ({@link Answers}).
 */
public final class SlackWebhookChannel implements NotificationChannel, AutoCloseable {

    public static final String NAME = "slack";

    private static final Pattern SLACK_CODE = Pattern.compile("[a-z_]{1,64}");

    private final SlackWebhookConfig config;
    private final NotificationText text;
    private final WebhookPoster poster;

    public SlackWebhookChannel(SlackWebhookConfig config) {
        this(config, Clock.systemUTC());
    }

    SlackWebhookChannel(SlackWebhookConfig config, Clock clock) {
        this.config = config;
        this.text = NotificationText.of(config.language());
        String setting = SlackWebhookConfig.SETTING;
        this.poster = new WebhookPoster(
                new Receiver(
                        "Slack",
                        setting,
                        config.url(),
                        List.of("x-slack-req-id"),
                        "the webhook's token is no longer valid (the app was removed or reinstalled); add a new"
                                + " incoming webhook to the app and set " + setting,
                        "the incoming webhook was removed or its channel deleted; create a new one and set " + setting),
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

    /** Posts the one notification it is given ({@link Deliveries#single}). */
    @Override
    public DeliveryResult deliver(List<Notification> notifications) {
        Notification notification = Deliveries.single(NAME, notifications);
        return poster.post(Json.bytes(SlackBlocks.message(notification, text)), Map.of(), this::judge);
    }

    private DeliveryResult judge(Answer answer) {
        Optional<String> code = Optional.of(answer.body().strip())
                .filter(b -> SLACK_CODE.matcher(b).matches());
        Optional<String> advice = code.flatMap(SlackWebhookChannel::advice);
        if (answer.isSuccess() || advice.isEmpty()) {
            return Answers.judge(poster.receiver(), answer, code);
        }
        return Answers.failed(
                Answers.codeFor(answer.status()),
                Answers.answered(poster.receiver(), answer, code) + advice.get(),
                answer);
    }

    /** What to do about the codes of Slack's "Handling errors" for incoming webhooks. */
    private static Optional<String> advice(String code) {
        String setting = SlackWebhookConfig.SETTING;
        return Optional.ofNullable(
                switch (code) {
                    case "no_service", "no_team" ->
                        "the incoming webhook was removed; create a new one and set " + setting;
                    case "channel_not_found" ->
                        "the webhook's channel was deleted; create a webhook for another channel and set " + setting;
                    case "channel_is_archived" ->
                        "the webhook's channel is archived; nothing more is sent until it is unarchived and an"
                                + " operator retries, or " + setting + " is set to a webhook of another channel";
                    case "invalid_token", "team_disabled" ->
                        "the webhook's token is no longer valid (the app was removed or the workspace disabled); add"
                                + " a new incoming webhook to the app and set " + setting;
                    case "action_prohibited", "posting_to_general_channel_denied" ->
                        "a workspace admin does not let the app post to that channel; ask them, or use a webhook of"
                                + " another channel";
                    case "invalid_payload", "no_text" ->
                        "Slack refuses the message's format; sending it again will not help (report it with the"
                                + " request id)";
                    default -> null;
                });
    }

    @Override
    public void close() {
        poster.close();
    }

    @Override
    public String toString() {
        return "SlackWebhookChannel[" + target() + "]";
    }
}
