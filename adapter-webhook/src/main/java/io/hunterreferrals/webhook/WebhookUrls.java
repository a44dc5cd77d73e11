package io.hunterreferrals.webhook;

import io.hunterreferrals.core.redaction.Redaction;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** The rules every webhook URL follows: where it may point, and how it is shown and remembered. */
final class WebhookUrls {

    private WebhookUrls() {}

    /**
     * The URL, if a notification may be sent to it: https, or http to this machine only (a test receiver, a local
     * relay). The URL's path carries the receiver's secret, and Partner Center data travels in the body: neither may
     * cross a network in clear text.
     *
     * @param setting the setting the URL comes from, named in the message
     * @throws IllegalArgumentException saying what is wrong, with the URL's origin only
     */
    static URI require(URI url, String setting) {
        Objects.requireNonNull(url, setting);
        String shown = Redaction.urlOrigin(url.toString());
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || url.isOpaque()) {
            throw new IllegalArgumentException(
                    setting + " must be an absolute https:// URL with a host (was " + shown + ")");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(setting + " must not carry a user name or password before the host");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException(setting + " must use https:// (plain http is accepted for 127.0.0.1,"
                    + " [::1] and localhost only; was " + shown + ")");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(setting + " must be an https:// URL (was " + shown + ")");
        }
        return url;
    }

    /** What {@code target()} shows: scheme, host and port; the path and query are the secret. */
    static String origin(URI url) {
        return Redaction.urlOrigin(url.toString());
    }

    /** What {@code targetKey()} stores: a fingerprint that changes with the URL and does not reveal it. */
    static String fingerprint(URI url) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(url.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Literal loopback addresses and localhost: no DNS answer can turn them into a remote host. */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        try {
            return literal && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
