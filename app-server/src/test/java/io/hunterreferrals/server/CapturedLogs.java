package io.hunterreferrals.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps every log event as one line, {@code name key=value ...}, for assertions. */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {

    private static final List<String> LINES = new ArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        String pairs = event.getKeyValuePairs() == null
                ? ""
                : event.getKeyValuePairs().stream()
                        .map(kv -> kv.key + "=" + kv.value)
                        .collect(Collectors.joining(" "));
        synchronized (LINES) {
            LINES.add(event.getFormattedMessage() + " " + pairs);
        }
    }

    /**
     * Forgets the lines so far. The soak calls it before each heap sample: at one access-log event per request the
     * captured lines alone grow the heap by about 1 MB a minute, which is this harness, not the product.
     */
    static void clear() {
        synchronized (LINES) {
            LINES.clear();
        }
    }

    static List<String> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }

    static List<String> matching(String... parts) {
        return lines().stream()
                .filter(line -> {
                    for (String part : parts) {
                        if (!line.contains(part)) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
    }
}
