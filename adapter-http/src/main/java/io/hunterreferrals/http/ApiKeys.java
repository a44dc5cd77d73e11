package io.hunterreferrals.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The API keys that unlock {@code /api/**}. Only SHA-256 digests are kept, and a presented key is compared against
 * every digest with {@link MessageDigest#isEqual}, so neither the key's length nor its first differing byte shows in
 * the response time.
 */
public final class ApiKeys {

    /** Shorter keys are guessable; refusing them at startup beats discovering it later. */
    public static final int MIN_LENGTH = 16;

    private static final ApiKeys NONE = new ApiKeys(List.of());

    private final List<byte[]> digests;

    private ApiKeys(List<byte[]> digests) {
        this.digests = digests;
    }

    /** No key: {@code /api/**} is open (acceptable only on a loopback address; the app enforces that). */
    public static ApiKeys none() {
        return NONE;
    }

    /** @throws IllegalArgumentException when a key is blank or shorter than {@value #MIN_LENGTH} characters */
    public static ApiKeys of(Collection<String> keys) {
        List<byte[]> digests = keys.stream()
                .map(key -> {
                    Objects.requireNonNull(key, "key");
                    if (key.strip().length() < MIN_LENGTH) {
                        throw new IllegalArgumentException(
                                "An API key must have at least " + MIN_LENGTH + " characters");
                    }
                    return sha256(key.strip());
                })
                .toList();
        return new ApiKeys(digests);
    }

    /**
     * Parses the {@code HUNTER_API_KEY} setting: one or more keys separated by commas or whitespace, so keys can be
     * rotated by listing the new one beside the old. Blank or absent gives {@link #none()}.
     */
    public static ApiKeys fromSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            return none();
        }
        return of(Arrays.stream(setting.split("[,\\s]+"))
                .filter(k -> !k.isEmpty())
                .toList());
    }

    public boolean required() {
        return !digests.isEmpty();
    }

    /** True when {@code presented} is one of the keys; examines every key whatever matches. */
    public boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = sha256(presented.strip());
        boolean match = false;
        for (byte[] known : digests) {
            match |= MessageDigest.isEqual(known, digest);
        }
        return match;
    }

    @Override
    public String toString() {
        return "ApiKeys[" + digests.size() + " key(s)]";
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
