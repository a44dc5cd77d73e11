package io.hunterreferrals.webhook;

import java.net.URI;
import java.util.Objects;

/**
 * The signed webhook channel: JSON for another system, signed with a secret both sides know. It has no language: the
 * payload is data, not text for people.
 *
 * @param url the receiver ({@code HUNTER_NOTIFY_WEBHOOK_URL}); treated as a secret like the others
 * @param secret the HMAC-SHA256 key ({@code HUNTER_NOTIFY_WEBHOOK_SECRET}), at least
 *     {@value WebhookSignature#MIN_SECRET_LENGTH} characters
 * @param timeouts how long a post may take
 */
public record SignedWebhookConfig(URI url, String secret, HttpTimeouts timeouts) {

    static final String SETTING = "HUNTER_NOTIFY_WEBHOOK_URL";
    static final String SECRET_SETTING = "HUNTER_NOTIFY_WEBHOOK_SECRET";

    public SignedWebhookConfig {
        url = WebhookUrls.require(url, SETTING);
        Objects.requireNonNull(secret, SECRET_SETTING);
        if (secret.strip().length() < WebhookSignature.MIN_SECRET_LENGTH) {
            // a short secret can be guessed offline from one signed request
            throw new IllegalArgumentException(SECRET_SETTING + " must be at least "
                    + WebhookSignature.MIN_SECRET_LENGTH + " characters (was "
                    + secret.strip().length()
                    + "); make one with: openssl rand -hex 32");
        }
        timeouts = timeouts == null ? HttpTimeouts.DEFAULTS : timeouts;
    }

    public SignedWebhookConfig(URI url, String secret) {
        this(url, secret, HttpTimeouts.DEFAULTS);
    }

    @Override
    public String toString() {
        return "SignedWebhookConfig[url=" + WebhookUrls.origin(url) + ", secret=****]";
    }
}
