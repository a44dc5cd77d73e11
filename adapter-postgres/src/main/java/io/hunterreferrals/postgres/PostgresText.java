package io.hunterreferrals.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.JSONB;

/**
 * PostgreSQL cannot store the NUL character in {@code text}, nor the {@code \u0000} escape in {@code jsonb}: one such
 * value would fail its whole page, and every later run would fail on it again. NUL carries no meaning in a referral,
 * so it is dropped from text and replaced by U+FFFD (the replacement character) in JSON.
 */
final class PostgresText {

    /** {@code \u0000} preceded by an even number of backslashes, i.e. a real escape and not an escaped backslash. */
    private static final Pattern JSON_NUL = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private PostgresText() {
    }

    /** {@code text} without NUL characters; {@code null} stays {@code null}. */
    static String text(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    /** The same array, with NUL removed from strings and escaped NUL replaced in JSONB values. */
    static Object[] withoutNulCharacters(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String text) {
                values[i] = text(text);
            } else if (values[i] instanceof JSONB json && json.data().contains("\\u0000")) {
                values[i] = JSONB.valueOf(JSON_NUL.matcher(json.data()).replaceAll(m ->
                        Matcher.quoteReplacement(m.group(1) + "\\ufffd")));
            }
        }
        return values;
    }
}
