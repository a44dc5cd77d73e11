package io.hunterreferrals.app.config;

import io.hunterreferrals.core.webhook.ReceiveWebhook;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Partner Center's referral webhooks (docs/adr/0015).
 *
 * @param enabled {@code HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED}: the endpoint takes calls and the worker applies them
 * @param url where Partner Center calls: {@code HUNTER_PUBLIC_URL} and the endpoint's path; empty without a public URL
 */
public record WebhookSettings(boolean enabled, Optional<URI> url) {

    public static final WebhookSettings OFF = new WebhookSettings(false, Optional.empty());

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
    }

    /** The endpoint's URL under {@code publicUrl}, whatever path the public URL itself has. */
    public static URI endpoint(URI publicUrl) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + ReceiveWebhook.PATH);
    }
}
