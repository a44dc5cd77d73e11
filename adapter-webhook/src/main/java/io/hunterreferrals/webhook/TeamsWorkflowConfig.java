package io.hunterreferrals.webhook;

import io.hunterreferrals.core.notify.NotificationText.Language;
import java.net.URI;
import java.util.Objects;

/**
 * The Microsoft Teams channel: a Workflows (Power Automate) flow started by "When a Teams webhook request is received",
 * which posts the card it is sent to a chat or channel.
 *
 * @param url the flow's HTTP URL ({@code HUNTER_NOTIFY_TEAMS_WEBHOOK_URL}); its {@code sig=} parameter is the secret
 * @param language the language of the cards
 * @param timeouts how long a post may take
 */
public record TeamsWorkflowConfig(URI url, Language language, HttpTimeouts timeouts) {

    static final String SETTING = "HUNTER_NOTIFY_TEAMS_WEBHOOK_URL";

    public TeamsWorkflowConfig {
        url = WebhookUrls.require(url, SETTING);
        Objects.requireNonNull(language, "language");
        timeouts = timeouts == null ? HttpTimeouts.DEFAULTS : timeouts;
    }

    public TeamsWorkflowConfig(URI url, Language language) {
        this(url, language, HttpTimeouts.DEFAULTS);
    }

    @Override
    public String toString() {
        return "TeamsWorkflowConfig[url=" + WebhookUrls.origin(url) + ", language=" + language.code() + "]";
    }
}
