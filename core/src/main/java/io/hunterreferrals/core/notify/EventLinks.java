package io.hunterreferrals.core.notify;

import io.hunterreferrals.core.push.LeadMapping;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The links a notification carries: the referral's detail in this product's web UI (when the address people reach it at
 * is configured) and the referral in Partner Center.
 *
 * @param publicUrl the web UI's public base address, e.g. {@code https://hunter.example.com}
 */
public record EventLinks(Optional<String> publicUrl) {

    public EventLinks {
        Objects.requireNonNull(publicUrl, "publicUrl");
        publicUrl = publicUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public Notification notification(StoredEvent stored) {
        Optional<String> referral = stored.event().referral().map(r -> r.id().value());
        return new Notification(
                stored,
                referral.flatMap(id -> publicUrl.map(base -> base + "/mini-ui/?tab=inbox&referral="
                        + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"))),
                stored.event().referral().map(r -> LeadMapping.partnerCenterUrl(r.id())));
    }
}
