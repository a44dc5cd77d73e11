package io.hunterreferrals.webhook;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Who a channel posts to, as its failure messages name it.
 *
 * @param service the receiver's name in messages: {@code Teams}, {@code Slack}, {@code The webhook receiver}
 * @param setting the setting that holds the URL, named in what-to-do messages
 * @param url the full URL (a secret: never shown, see {@link #origin()})
 * @param requestIdHeaders the response headers that may carry the receiver's request id, in order of preference
 * @param whenUnauthorized what to do about a 401 or 403
 * @param whenNotFound what to do about a 404
 */
record Receiver(
        String service,
        String setting,
        URI url,
        List<String> requestIdHeaders,
        String whenUnauthorized,
        String whenNotFound) {

    Receiver {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(url, "url");
        requestIdHeaders = List.copyOf(requestIdHeaders);
        Objects.requireNonNull(whenUnauthorized, "whenUnauthorized");
        Objects.requireNonNull(whenNotFound, "whenNotFound");
    }

    /** {@code Slack (https://hooks.slack.com/…)}: how a message names the receiver without its secret. */
    String named() {
        return service + " (" + origin() + ")";
    }

    String origin() {
        return WebhookUrls.origin(url);
    }

    @Override
    public String toString() {
        return "Receiver[" + named() + "]";
    }
}
