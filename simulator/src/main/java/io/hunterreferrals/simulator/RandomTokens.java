package io.hunterreferrals.simulator;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque secrets: unpredictable on purpose, so tests cannot accidentally depend on a token's value. */
final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ23456789".toCharArray();

    private RandomTokens() {}

    static String secret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Nine characters without vowels or look-alikes, like Entra's user codes; easy to type in a demo. */
    static String userCode() {
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            sb.append(USER_CODE_ALPHABET[RANDOM.nextInt(USER_CODE_ALPHABET.length)]);
        }
        return sb.toString();
    }
}
