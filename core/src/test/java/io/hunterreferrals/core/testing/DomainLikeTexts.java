package io.hunterreferrals.core.testing;

import static io.hunterreferrals.core.testing.HostileStrings.pick;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Text that looks like a host, an e-mail address or a URL, built from labels good and bad (IDN, punycode, too long,
 * hyphens at the edges, digits only), real and made-up suffixes, and the wrappings operators and payloads use:
 * {@code user@host}, {@code Ana <ana@host>}, {@code scheme://user:pw@host:port/path?q#f}, {@code mailto:}.
 */
public final class DomainLikeTexts {

    private static final List<String> SUFFIXES = List.of(
            "com",
            "com.tr",
            "co.uk",
            "de",
            "io",
            "org.tr",
            "gen.tr",
            "github.io",
            "blogspot.com",
            "azurewebsites.net",
            "uk",
            "tr",
            "local",
            "invalid",
            "example",
            "123",
            "c0m",
            "xn--p1ai",
            "рф",
            "中国",
            "technology",
            "");
    private static final List<String> WORDS = List.of(
            "contoso",
            "fabrikam",
            "müller",
            "örnek",
            "şahin",
            "ışık",
            "İstanbul",
            "straße",
            "例え",
            "www",
            "mail",
            "shop",
            "xn--mller-kva",
            "xn--",
            "xn--zz",
            "a",
            "0",
            "-a",
            "a-",
            "a--b",
            "a_b",
            "co",
            "com",
            "gmail",
            "outlook",
            "hotmail",
            "yahoo",
            "127",
            "255",
            "\u200b",
            "ﬀ",
            "ǅ");
    private static final List<String> DOTS = List.of(".", ".", ".", ".", ".", "。", "．", "｡", "..");

    private DomainLikeTexts() {}

    /** A host, e-mail address or URL, often valid, often subtly not. */
    public static String any(SplittableRandom r) {
        String host = host(r);
        String text = switch (r.nextInt(8)) {
            case 0, 1, 2 -> host;
            case 3 -> local(r) + "@" + host;
            case 4 ->
                pick(List.of("Ana <", "\"Ana Y\" <", "(", "mailto:", "MAILTO:", "a@b@"), r) + local(r) + "@" + host
                        + pick(List.of(">", ")", "", "; bob@x.com", ", ", "\""), r);
            case 5 -> url(r, host);
            case 6 ->
                host
                        + pick(
                                List.of(
                                        ":",
                                        ":80",
                                        ":99999999999",
                                        ":-1",
                                        ":x",
                                        "/",
                                        "/path",
                                        "?q=1",
                                        "#",
                                        ":8080/a?b#c"),
                                r);
            default -> HostileStrings.mixture(r, 1) + host + HostileStrings.mixture(r, 1);
        };
        if (r.nextInt(6) == 0) {
            text = r.nextBoolean() ? text.toUpperCase(Locale.ROOT) : text.toUpperCase(Locale.forLanguageTag("tr"));
        }
        if (r.nextInt(6) == 0) {
            text = pick(List.of(" ", "\t", "\u00a0", "\u3000", "\n"), r)
                    + text
                    + pick(List.of(" ", "", "\r\n", "."), r);
        }
        return text;
    }

    /** One to six labels and a suffix, with "www." in front now and then. */
    public static String host(SplittableRandom r) {
        StringBuilder host = new StringBuilder();
        if (r.nextInt(5) == 0) {
            host.append("www.".repeat(1 + r.nextInt(2)));
        }
        int labels = r.nextInt(4);
        for (int i = 0; i < labels; i++) {
            host.append(label(r)).append(pick(DOTS, r));
        }
        host.append(r.nextInt(8) == 0 ? label(r) : pick(SUFFIXES, r));
        if (r.nextInt(8) == 0) {
            host.append(".".repeat(1 + r.nextInt(2)));
        }
        return host.toString();
    }

    /** A good label, a word from the list, or one of 0 to 70 random letters, digits and hyphens. */
    public static String label(SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0, 1 -> pick(WORDS, r);
            case 2 -> {
                StringBuilder label = new StringBuilder();
                int length = r.nextInt(5) == 0 ? 60 + r.nextInt(11) : r.nextInt(12);
                for (int i = 0; i < length; i++) {
                    label.append("abcdefghijklmnopqrstuvwxyz0123456789-".charAt(r.nextInt(37)));
                }
                yield label.toString();
            }
            case 3 -> "xn--" + HostileStrings.randomAscii(r, r.nextInt(10)).toLowerCase(Locale.ROOT);
            default -> HostileStrings.randomCodeUnits(r, 1 + r.nextInt(6));
        };
    }

    private static String local(SplittableRandom r) {
        return pick(List.of("ana", "Ana.Yilmaz+crm", "", "\"odd@local\"", "ş", "a b", "info", "@"), r);
    }

    private static String url(SplittableRandom r, String host) {
        String scheme =
                pick(List.of("https://", "http://", "HTTP://", "ftp://", "//", "x+y.z://", "https:/", "https:///"), r);
        String userInfo = pick(List.of("", "", "user@", "user:secret@", "a@b@", ":@"), r);
        String port = pick(List.of("", "", ":443", ":0", ":65536", ":", ":abc"), r);
        String rest = pick(List.of("", "/", "/tr/iletisim", "?q=' OR 1=1 --", "#top", "/a@b.com", "\\evil.com"), r);
        return scheme + userInfo + host + port + rest;
    }
}
