package io.hunterreferrals.webhook;

import io.hunterreferrals.core.notify.NotificationText.Language;
import java.net.URI;
import java.util.Objects;

/**
 * The Slack channel: an incoming webhook of a Slack app, bound to one channel.
 *
 * @param url the webhook URL ({@code HUNTER_NOTIFY_SLACK_WEBHOOK_URL}, {@code https://hooks.slack.com/services/...});
 *     its path is the secret
 * @param language the language of the messages
 * @param timeouts how long a post may take
 */
public record SlackWebhookConfig(URI url, Language language, HttpTimeouts timeouts) {

    static final String SETTING = "HUNTER_NOTIFY_SLACK_WEBHOOK_URL";

    public SlackWebhookConfig {
        url = WebhookUrls.require(url, SETTING);
        Objects.requireNonNull(language, "language");
        timeouts = timeouts == null ? HttpTimeouts.DEFAULTS : timeouts;
    }

    public SlackWebhookConfig(URI url, Language language) {
        this(url, language, HttpTimeouts.DEFAULTS);
    }

    @Override
    public String toString() {
        return "SlackWebhookConfig[url=" + WebhookUrls.origin(url) + ", language=" + language.code() + "]";
    }
}
