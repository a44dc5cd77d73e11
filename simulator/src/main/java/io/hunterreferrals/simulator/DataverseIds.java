package io.hunterreferrals.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * GUIDs derived from the seed and a name, so the same seed gives the same lead, currency and metadata ids whatever the
 * order in which concurrent requests arrive. Tokens stay random on purpose ({@link RandomTokens}).
 */
final class DataverseIds {

    private final long seed;

    DataverseIds(long seed) {
        this.seed = seed;
    }

    UUID uuid(String... name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
            for (String part : name) {
                sha.update((byte) 0);
                sha.update(part.getBytes(StandardCharsets.UTF_8));
            }
            ByteBuffer bytes = ByteBuffer.wrap(sha.digest());
            long high = (bytes.getLong() & ~0xF000L) | 0x4000L;
            long low = (bytes.getLong() & ~(0xC000L << 48)) | (0x8000L << 48);
            // Version 4 and the IETF variant, so the ids look like the random GUIDs Dataverse hands out.
            return new UUID(high, low);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
