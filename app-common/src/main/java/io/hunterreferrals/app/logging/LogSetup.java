package io.hunterreferrals.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.hunterreferrals.app.config.LogFormat;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Configures logging in code, once, at start-up: readable lines (event name, then key=value pairs) for a terminal, or
 * one JSON object per event for log collectors. Libraries are kept at WARN so the product's own events stand out.
 */
public final class LogSetup {

    /** Where log lines go: the CLI keeps stdout for its output, the server logs to stdout. */
    public enum Target {
        STDOUT("System.out"),
        STDERR("System.err");

        private final String consoleTarget;

        Target(String consoleTarget) {
            this.consoleTarget = consoleTarget;
        }
    }

    private static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            "org.jooq",
            Level.ERROR,
            "org.flywaydb",
            Level.WARN,
            "com.zaxxer.hikari",
            Level.WARN,
            "io.zonky",
            Level.WARN,
            "com.microsoft.aad.msal4j",
            Level.ERROR,
            "org.eclipse.jetty",
            Level.WARN,
            "io.javalin",
            Level.WARN,
            "com.github.kagkarlsson",
            Level.WARN,
            "org.postgresql",
            Level.WARN);

    private LogSetup() {}

    public static void configure(LogFormat format, Target target, Level productLevel) {
        LoggerContext context = resetContext();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setTarget(target.consoleTarget);
        install(context, appender, format, productLevel);
    }

    /**
     * Logs to {@code stream} instead of the console: tests read what was logged, and embedders (the CLI run from a
     * test, say) keep their own streams. The stream is not closed when logging is reconfigured.
     */
    public static void configure(LogFormat format, OutputStream stream, Level productLevel) {
        LoggerContext context = resetContext();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setOutputStream(new NonClosingOutputStream(stream));
        install(context, appender, format, productLevel);
    }

    private static LoggerContext resetContext() {
        // jOOQ prints a banner and tips on first use unless told not to.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        return context;
    }

    private static void install(
            LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, LogFormat format, Level productLevel) {
        Encoder<ILoggingEvent> encoder = format == LogFormat.JSON ? jsonEncoder(context) : consoleEncoder(context);
        appender.setContext(context);
        appender.setName("console");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        context.getLogger("io.hunterreferrals").setLevel(productLevel);
        LIBRARY_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static Encoder<ILoggingEvent> consoleEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %msg %kvp{NONE}%n%throwable");
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setIncludeCallerData(false);
        encoder.start();
        return encoder;
    }

    /** Logback closes an appender's stream on reset; the caller's stream must outlive that. */
    private static final class NonClosingOutputStream extends FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
