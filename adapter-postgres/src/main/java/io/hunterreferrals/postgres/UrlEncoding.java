package io.hunterreferrals.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of the pieces of a database URL. */
final class UrlEncoding {

    private UrlEncoding() {}

    /**
     * Decodes {@code %XX} escapes as UTF-8.
     *
     * @param what the piece, for the message: "password", "user name", ...
     * @param quote whether a bad escape may be quoted; never for a piece that may hold a secret, whose escape would
     *     show three of its characters
     * @throws IllegalArgumentException for an incomplete or invalid escape, or bytes that are not UTF-8
     */
    static String decode(String s, String what, boolean quote) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw DatabaseUrl.invalid("incomplete percent-escape in the " + what);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    String escape = quote ? "'" + s.substring(i, i + 3) + "' " : "";
                    throw DatabaseUrl.invalid("invalid percent-escape " + escape + "in the " + what
                            + " (a % must be followed by two hex digits; write a literal % as %25)");
                }
                out.write(hi * 16 + lo);
                i += 3;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(bytes);
                i++;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw DatabaseUrl.invalid("the percent-encoded " + what + " is not valid UTF-8");
        }
    }

    /** Encodes a piece for a JDBC URL: what {@link java.net.URLEncoder} does, with spaces as {@code %20}. */
    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
