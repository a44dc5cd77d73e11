package io.hunterreferrals.core.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A call to the webhook endpoint exactly as it arrived: the raw body bytes (the signature covers them, not a re-encoded
 * copy) and its headers.
 */
public final class WebhookCall {

    private final byte[] body;
    private final Map<String, String> headers;

    /** @param headers header names in any case; a header sent twice keeps its first value */
    public WebhookCall(byte[] body, Map<String, String> headers) {
        this.body = body.clone();
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        this.headers = Map.copyOf(lower);
    }

    public byte[] body() {
        return body.clone();
    }

    public int size() {
        return body.length;
    }

    /** A header's value, by name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookCall call && Arrays.equals(body, call.body) && headers.equals(call.headers);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(body) + headers.hashCode();
    }

    /** The size and header names only: a body names a referral, and a header carries a signature. */
    @Override
    public String toString() {
        return "WebhookCall[" + body.length + " bytes, headers=" + headers.keySet() + "]";
    }
}
