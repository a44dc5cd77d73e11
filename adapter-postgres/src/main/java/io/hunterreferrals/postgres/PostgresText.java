package io.hunterreferrals.postgres;

import org.jooq.JSONB;

/**
 * PostgreSQL cannot store the NUL character in {@code text}, nor the {@code \u0000} escape or a lone UTF-16 surrogate
 * escape ({@code \ud800} without its pair) in {@code jsonb}: one such value would fail its whole page, and every later
 * run would fail on it again. Neither carries meaning in a referral, so NUL is dropped from text, a lone surrogate in
 * text becomes U+FFFD (the replacement character), and both escapes in JSON become {@code \ufffd}.
 */
final class PostgresText {

    private static final String REPLACEMENT_ESCAPE = "\\ufffd";

    private PostgresText() {}

    /** {@code text} without NUL characters and without lone surrogates; {@code null} stays {@code null}. */
    static String text(String text) {
        if (text == null || storable(text)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else {
                clean.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return clean.toString();
    }

    /** The same array, with text made storable and unstorable escapes replaced in JSONB values. */
    static Object[] withoutNulCharacters(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String text) {
                values[i] = text(text);
            } else if (values[i] instanceof JSONB json) {
                String data = json(json.data());
                if (!data.equals(json.data())) {
                    values[i] = JSONB.valueOf(data);
                }
            }
        }
        return values;
    }

    /** JSON text with {@code \u0000} and lone surrogate escapes replaced by {@code \ufffd}, and its text storable. */
    static String json(String json) {
        if (json.indexOf("\\u") < 0) {
            return text(json);
        }
        StringBuilder out = new StringBuilder(json.length());
        int i = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c != '\\' || i + 1 >= json.length()) {
                out.append(c);
                i++;
            } else if (json.charAt(i + 1) != 'u') {
                out.append(c).append(json.charAt(i + 1)); // any other escape, an escaped backslash included
                i += 2;
            } else {
                i = unicodeEscape(json, i, out);
            }
        }
        return text(out.toString());
    }

    /**
     * Copies the four-hex-digit unicode escape at {@code at} (with its low half, if a high surrogate has one); the next
     * index.
     */
    private static int unicodeEscape(String json, int at, StringBuilder out) {
        int unit = hex(json, at);
        if (unit < 0) {
            out.append(json, at, at + 2); // not four hex digits: not ours to judge
            return at + 2;
        }
        if (Character.isHighSurrogate((char) unit) && Character.isLowSurrogate((char) Math.max(0, hex(json, at + 6)))) {
            out.append(json, at, at + 12);
            return at + 12;
        }
        out.append(unit == 0 || Character.isSurrogate((char) unit) ? REPLACEMENT_ESCAPE : json.substring(at, at + 6));
        return at + 6;
    }

    /** The code unit of a four-hex-digit unicode escape at {@code at}, or -1 when there is none. */
    private static int hex(String json, int at) {
        if (at + 6 > json.length() || json.charAt(at) != '\\' || json.charAt(at + 1) != 'u') {
            return -1;
        }
        int value = 0;
        for (int i = at + 2; i < at + 6; i++) {
            int digit = Character.digit(json.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
