package io.hunterreferrals.dynamics;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * Test appender: keeps every event as one line (logger, message, key-value pairs, exception messages), so a test can
 * scan them for secrets and personal data, and find an event by name.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {

    private static final List<String> LINES = new ArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line =
                new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair kv : event.getKeyValuePairs()) {
                line.append(' ').append(kv.key).append('=').append(kv.value);
            }
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        synchronized (LINES) {
            LINES.add(line.toString());
        }
    }

    static List<String> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }

    /** Lines of one event, e.g. {@code dynamics_rate_limit}, logged since {@code from} (a {@link #mark()}). */
    static List<String> events(String name, int from) {
        List<String> all = lines();
        return all.subList(Math.min(from, all.size()), all.size()).stream()
                .filter(l -> l.contains(" " + name))
                .toList();
    }

    static int mark() {
        synchronized (LINES) {
            return LINES.size();
        }
    }
}
