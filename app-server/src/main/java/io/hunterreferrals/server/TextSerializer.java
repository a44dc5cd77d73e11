package io.hunterreferrals.server;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;

/**
 * Task data as UTF-8 text instead of db-scheduler's default Java serialisation: our tasks carry at most a short string
 * ({@link QueuedSync}), which an operator can read in {@code scheduled_tasks} and no class change can break.
 */
final class TextSerializer implements Serializer {

    @Override
    public byte[] serialize(Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException(
                "Hunter's tasks carry text data, not " + data.getClass().getName());
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null || type == Void.class) {
            return null;
        }
        return type.cast(new String(bytes, StandardCharsets.UTF_8));
    }
}
