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
        String pairs = event.getKeyValuePairs() == null ? ""
                : event.getKeyValuePairs().stream().map(kv -> kv.key + "=" + kv.value).collect(Collectors.joining(" "));
        synchronized (LINES) {
            LINES.add(event.getFormattedMessage() + " " + pairs);
        }
    }

    static List<String> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }

    static List<String> matching(String... parts) {
        return lines().stream().filter(line -> {
            for (String part : parts) {
                if (!line.contains(part)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
