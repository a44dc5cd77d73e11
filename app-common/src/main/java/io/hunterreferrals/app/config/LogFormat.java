package io.hunterreferrals.app.config;

/** {@code HUNTER_LOG_FORMAT}: readable lines for a terminal, or one JSON object per event. */
public enum LogFormat {
    CONSOLE,
    JSON
}
