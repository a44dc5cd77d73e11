package io.hunterreferrals.webhook;

import io.hunterreferrals.core.notify.Notification;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The two links of a notification, as buttons may carry them. Core builds them (the public address, the referral id
 * percent-encoded); only an absolute http(s) URL becomes a button, so no {@code javascript:} or malformed value can.
 */
final class Links {

    private Links() {}

    static Optional<String> detail(Notification notification) {
        return notification.detailUrl().filter(Links::isWebUrl);
    }

    static Optional<String> partnerCenter(Notification notification) {
        return notification.partnerCenterUrl().filter(Links::isWebUrl);
    }

    static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
