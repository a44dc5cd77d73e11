package io.hunterreferrals.core.testing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generators of text that real input has carried or an attacker would send: blanks of every kind, control characters
 * and NUL, lone surrogates (what invalid UTF-8 becomes once decoded leniently), right-to-left overrides, SQL and LIKE
 * metacharacters, numbers out of every range, and very long strings. Shared by the property tests of every module.
 */
public final class HostileStrings {

    /** Pieces that have broken parsers, queries or databases somewhere. */
    public static final List<String> FRAGMENTS = List.of(
            "",
            " ",
            "\t",
            "\n",
            "\r\n",
            "\u00a0",
            "\u2003",
            "\u3000",
            "\u200b",
            "\ufeff",
            "\u0000",
            "\u0001",
            "\u007f",
            "\u0085",
            "\u2028",
            "\u202e",
            "\ud800",
            "\udfff",
            "\udfff\ud800",
            "\ud83d\ude00",
            "\ufffd",
            "\uffff",
            "' OR 1=1 --",
            "'; DROP TABLE companies; --",
            "%",
            "_",
            "\\",
            "%_%",
            "\\%",
            "'",
            "\"",
            "`",
            "/*",
            "*/",
            ";",
            "$1",
            "?",
            ":name",
            "E'\\\\x00'",
            "\\u0000",
            "null",
            "NULL",
            "undefined",
            "NaN",
            "Infinity",
            "-0",
            "1e400",
            "-1e400",
            "99999999999999999999",
            "1180591620717411303424",
            "0x1F",
            "2147483648",
            "-2147483649",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "%00",
            "%2e%2e%2f",
            "&",
            "=",
            "#",
            "+",
            "İ",
            "ı",
            "ß",
            "ﬀ",
            "Ω",
            "例え",
            "xn--",
            "xn--zz",
            "@",
            "@@",
            "mailto:",
            "http://",
            "[::1]",
            "127.0.0.1",
            ".",
            "..",
            "-");

    private static final String ASCII =
            " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    private HostileStrings() {}

    /** Any text: mostly short mixtures of fragments and random characters, now and then a very long one. */
    public static String any(SplittableRandom r) {
        return switch (r.nextInt(20)) {
            case 0 -> huge(r);
            case 1, 2, 3 -> randomCodeUnits(r, r.nextInt(60));
            case 4, 5, 6 -> randomAscii(r, r.nextInt(60));
            case 7, 8 -> pick(FRAGMENTS, r);
            default -> mixture(r, 1 + r.nextInt(5));
        };
    }

    /** Like {@link #any} but at most {@code maxLength} characters (for inputs a limit is meant to cut off anyway). */
    public static String upTo(SplittableRandom r, int maxLength) {
        String text = any(r);
        return text.length() <= maxLength ? text : text.substring(0, r.nextInt(maxLength + 1));
    }

    /** {@code count} pieces joined, each a fragment, a random character run or a word. */
    public static String mixture(SplittableRandom r, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            switch (r.nextInt(4)) {
                case 0 -> out.append(pick(FRAGMENTS, r));
                case 1 -> out.append(randomCodeUnits(r, 1 + r.nextInt(8)));
                case 2 -> out.append(randomAscii(r, 1 + r.nextInt(12)));
                default ->
                    out.append(pick(List.of("contoso", "Contoso Ltd", "ana@contoso.com", "www", "com", "co.uk"), r));
            }
        }
        return out.toString();
    }

    /** 100,000 characters or so: one repeated character, a repeated fragment, or random text. */
    public static String huge(SplittableRandom r) {
        int length = 90_000 + r.nextInt(20_000);
        return switch (r.nextInt(3)) {
            case 0 ->
                String.valueOf((char) (r.nextBoolean() ? 'a' + r.nextInt(26) : r.nextInt(0x10000)))
                        .repeat(length);
            case 1 -> {
                String fragment = pick(FRAGMENTS, r);
                yield fragment.isEmpty()
                        ? "x".repeat(length)
                        : fragment.repeat(Math.max(1, length / fragment.length()));
            }
            default -> randomCodeUnits(r, length);
        };
    }

    /** Arbitrary UTF-16 code units, so lone and swapped surrogates are as likely as any other character. */
    public static String randomCodeUnits(SplittableRandom r, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = switch (r.nextInt(4)) {
                case 0 -> (char) r.nextInt(0x20);
                case 1 -> (char) (0xD800 + r.nextInt(0x800));
                case 2 -> (char) r.nextInt(0x80);
                default -> (char) r.nextInt(0x10000);
            };
        }
        return new String(chars);
    }

    public static String randomAscii(SplittableRandom r, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ASCII.charAt(r.nextInt(ASCII.length())));
        }
        return out.toString();
    }

    public static <T> T pick(List<T> values, SplittableRandom r) {
        return values.get(r.nextInt(values.size()));
    }
}
