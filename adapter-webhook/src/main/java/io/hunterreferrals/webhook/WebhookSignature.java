package io.hunterreferrals.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one signature rule of the signed webhook, for the sender and for receivers (the module's README shows a receiver
 * using it): {@code X-Hunter-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, where the timestamp is
 * the {@code X-Hunter-Timestamp} header (Unix seconds) and the body the exact bytes received.
 *
 * <p>Signing the timestamp with the body lets a receiver refuse an old request replayed by someone who recorded it:
 * {@link #verify} accepts a timestamp at most {@code maxAge} away from its clock. Within that window a receiver drops a
 * second copy by its {@code Idempotency-Key} (the event id), which it needs anyway: delivery is at least once.
 */
public final class WebhookSignature {

    /** The scheme's name, the prefix of each signature in the header. */
    public static final String VERSION = "v1";

    /** Shorter secrets can be found offline from a single signed request. */
    public static final int MIN_SECRET_LENGTH = 32;

    /** How old a request a receiver should accept: room for clock skew and a slow network, not for a replay. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    public static final String TIMESTAMP_HEADER = "X-Hunter-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Hunter-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /** {@code v1=<64 lowercase hex digits>} for the body sent at {@code unixSeconds}. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        return VERSION + "=" + HexFormat.of().formatHex(mac(secret, unixSeconds, body));
    }

    /**
     * Whether a request is signed with {@code secret} and recent. The header may carry several signatures separated by
     * commas ({@code v1=…,v1=…}), so a receiver can accept the old and the new secret while they are rotated: one match
     * is enough. The comparison takes the same time whatever the signature's first wrong digit.
     *
     * @param timestampHeader the {@code X-Hunter-Timestamp} header as received, may be null
     * @param signatureHeader the {@code X-Hunter-Signature} header as received, may be null
     * @param body the body's bytes exactly as received (not re-serialised JSON)
     * @param maxAge how far the timestamp may be from {@code now}, either way
     */
    public static boolean verify(
            String secret, String timestampHeader, String signatureHeader, byte[] body, Instant now, Duration maxAge) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(maxAge, "maxAge");
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        long age = Math.abs(now.getEpochSecond() - timestamp);
        if (age > maxAge.toSeconds()) {
            return false;
        }
        byte[] expected = mac(secret, timestamp, body);
        boolean match = false;
        for (String part : signatureHeader.split(",")) {
            String candidate = part.strip().toLowerCase(Locale.ROOT);
            if (!candidate.startsWith(VERSION + "=")) {
                continue;
            }
            byte[] given;
            try {
                given = HexFormat.of().parseHex(candidate.substring(VERSION.length() + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            // no early exit: how long verify takes must not tell which of the signatures matched
            match |= MessageDigest.isEqual(expected, given);
        }
        return match;
    }

    /** {@link #verify} with {@link #DEFAULT_MAX_AGE}. */
    public static boolean verify(
            String secret, String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        return verify(secret, timestampHeader, signatureHeader, body, now, DEFAULT_MAX_AGE);
    }

    private static byte[] mac(String secret, long unixSeconds, byte[] body) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
