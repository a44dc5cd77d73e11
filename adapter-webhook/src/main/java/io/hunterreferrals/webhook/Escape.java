package io.hunterreferrals.webhook;

import java.util.regex.Pattern;

/**
 * Makes a value from Partner Center inert in a receiver's markup. Company names, statuses and error messages are
 * anyone's text: unescaped, {@code [click](https://evil.example)} becomes a link in a Teams card and {@code <!channel>}
 * pings a whole Slack channel. Each value is also made one line, since a line break can start a list, a heading or a
 * quote.
 */
final class Escape {

    /** Every ASCII punctuation character that the Adaptive Cards Markdown subset (or CommonMark) gives a meaning. */
    private static final String MARKDOWN = "\\`*_[](){}<>#|~!&";

    /** A list item or a setext heading at the start: {@code - x}, {@code 1. x}, {@code 2) x}, {@code + x}. */
    private static final Pattern LIST_START = Pattern.compile("^(\\d{1,9})([.)])(?=\\s|$)|^([-+=])(?=\\s|$)");

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    private Escape() {}

    /**
     * For a Teams TextBlock or Fact (the Adaptive Cards Markdown subset): a backslash before every character with a
     * meaning, which Teams shows as the character itself (CommonMark's rule). Where a client shows the backslash, the
     * text still reads and no link, emphasis or list can form.
     */
    static String markdown(String value) {
        String line = oneLine(value);
        var matcher = LIST_START.matcher(line);
        String start = "";
        if (matcher.find()) {
            start = matcher.group(1) != null ? matcher.group(1) + "\\" + matcher.group(2) : "\\" + matcher.group(3);
            line = line.substring(matcher.end());
        }
        StringBuilder out = new StringBuilder(start);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (MARKDOWN.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * For Slack mrkdwn: {@code &}, {@code <} and {@code >} as entities, Slack's rule ("Escaping text" in its docs).
     * Links, mentions ({@code <!channel>}, {@code <@U123>}) and dates all start with {@code <}, so none can form.
     */
    static String mrkdwn(String value) {
        return oneLine(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Control characters and line separators as one space, blanks at the ends removed. */
    static String oneLine(String value) {
        return value == null ? "" : LINE_BREAKS.matcher(value).replaceAll(" ").strip();
    }

    /** At most {@code max} characters (receivers limit fields), cut with an ellipsis. */
    static String clip(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }
}
