package io.hunterreferrals.smtp;

/**
 * The one HTML escape of the e-mail: company names, statuses and error messages come from Partner Center, so each is
 * escaped before it touches the HTML part, in text and in attributes alike.
 */
final class Html {

    private Html() {}

    /** {@code & < > " '} as character references: safe in element content and in quoted attribute values. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
