package io.hunterreferrals.core.domainname;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a bare host, an e-mail address or a URL into a registrable {@link Domain}, or says why not. Lower-casing uses
 * {@link Locale#ROOT} so that a Turkish default locale never turns {@code I} into {@code ı}; international names become
 * punycode; the Public Suffix List decides what is registrable.
 */
public final class DomainParser {

    private static final Set<String> PLACEHOLDERS = Set.of(
            "n/a",
            "na",
            "n.a.",
            "none",
            "null",
            "nil",
            "nan",
            "undefined",
            "unknown",
            "-",
            "--",
            "?",
            ".",
            "website",
            "web",
            "web sitesi",
            "www",
            "http",
            "https",
            "http://",
            "https://",
            "tbd",
            "yok",
            "test");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern PORT = Pattern.compile(":\\d*$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    /** Far more than any host that fits 253 characters once converted (IDN mapping may drop some characters). */
    private static final int MAX_HOST_INPUT_LENGTH = 4 * MAX_NAME_LENGTH;

    private static final int MAX_PLACEHOLDER_LENGTH = 16;

    private DomainParser() {}

    /** Parses any host, e-mail or URL text; consumer mailbox domains are accepted (see {@link #parseCompanyDomain}). */
    public static DomainParseResult parse(String text) {
        if (text == null || text.isBlank()) {
            return new DomainParseResult.Rejected(DomainRejection.EMPTY, null);
        }
        String trimmed = text.strip();
        // The length check first: lower-casing a huge text costs far more than the lookup.
        if (trimmed.length() <= MAX_PLACEHOLDER_LENGTH && PLACEHOLDERS.contains(trimmed.toLowerCase(Locale.ROOT))) {
            return new DomainParseResult.Rejected(DomainRejection.PLACEHOLDER, null);
        }
        String rawHost = hostOf(trimmed);
        if (rawHost.isEmpty()) {
            return new DomainParseResult.Rejected(DomainRejection.EMPTY, null);
        }
        return registrableDomain(rawHost);
    }

    /** Like {@link #parse} but also rejects consumer mailbox domains: the rule for anything meant to name a company. */
    public static DomainParseResult parseCompanyDomain(String text) {
        DomainParseResult result = parse(text);
        if (result instanceof DomainParseResult.Parsed parsed && ConsumerMailboxDomains.contains(parsed.domain())) {
            return new DomainParseResult.Rejected(DomainRejection.CONSUMER_MAILBOX, parsed.rawHost());
        }
        return result;
    }

    private static DomainParseResult registrableDomain(String rawHost) {
        if (rawHost.length() > MAX_HOST_INPUT_LENGTH) {
            // First: IDN.toASCII throws a bare RuntimeException ("input too long") for labels of about 2,000
            // characters, and lower-casing a huge text (e.g. 90,000 'İ') takes the JDK seconds.
            return new DomainParseResult.Rejected(DomainRejection.TOO_LONG, rawHost);
        }
        String host = rawHost.toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.startsWith("[") || host.contains(":") || IPV4.matcher(host).matches()) {
            return new DomainParseResult.Rejected(DomainRejection.IP_ADDRESS, rawHost);
        }
        String ascii = host;
        if (!isAscii(host)) {
            try {
                ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return new DomainParseResult.Rejected(DomainRejection.INVALID_IDN, rawHost);
            }
        }
        DomainRejection syntaxProblem = syntaxProblem(ascii);
        if (syntaxProblem != null) {
            return new DomainParseResult.Rejected(syntaxProblem, rawHost);
        }
        InternetDomainName name;
        try {
            name = InternetDomainName.from(ascii);
        } catch (IllegalArgumentException e) {
            // Guava is stricter about the last label (e.g. all digits): no public suffix can match it.
            return new DomainParseResult.Rejected(DomainRejection.UNKNOWN_SUFFIX, rawHost);
        }
        if (name.isPublicSuffix()) {
            return new DomainParseResult.Rejected(DomainRejection.PUBLIC_SUFFIX, rawHost);
        }
        if (!name.isUnderPublicSuffix()) {
            return new DomainParseResult.Rejected(DomainRejection.UNKNOWN_SUFFIX, rawHost);
        }
        String registrable = name.topPrivateDomain().toString();
        if (registrable.startsWith("www.")) {
            // "www" is no company's name: "www.www.com" must not give "www.com", which would not parse again.
            return new DomainParseResult.Rejected(DomainRejection.PUBLIC_SUFFIX, rawHost);
        }
        return new DomainParseResult.Parsed(new Domain(registrable), rawHost);
    }

    private static DomainRejection syntaxProblem(String ascii) {
        if (ascii.length() > MAX_NAME_LENGTH) {
            return DomainRejection.TOO_LONG;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return ascii.isEmpty() || !LABEL.matcher(ascii).matches()
                    ? DomainRejection.INVALID_CHARACTERS
                    : DomainRejection.SINGLE_LABEL;
        }
        for (String label : labels) {
            if (label.length() > MAX_LABEL_LENGTH) {
                return DomainRejection.TOO_LONG;
            }
            if (!LABEL.matcher(label).matches()) {
                return DomainRejection.INVALID_CHARACTERS;
            }
        }
        return null;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /** The host part of a URL ({@code scheme://user@host:port/path?q#f}), an e-mail address or a bare host. */
    private static String hostOf(String text) {
        String rest = text;
        if (rest.regionMatches(true, 0, "mailto:", 0, "mailto:".length())) {
            rest = rest.substring("mailto:".length());
        }
        var scheme = SCHEME.matcher(rest);
        if (scheme.find()) {
            String authority = upToAny(rest.substring(scheme.end()), "/?#");
            return withoutPort(authority.substring(authority.lastIndexOf('@') + 1))
                    .strip();
        }
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            // "Ana <ana@contoso.com>" and similar: the host ends at the first character no host has.
            return upToAny(rest.substring(at + 1), ">)]; ,\"'").strip();
        }
        return withoutPort(upToAny(rest, "/?#")).strip();
    }

    private static String withoutPort(String authority) {
        return authority.startsWith("[") ? authority : PORT.matcher(authority).replaceFirst("");
    }

    private static String upToAny(String text, String stops) {
        for (int i = 0; i < text.length(); i++) {
            if (stops.indexOf(text.charAt(i)) >= 0) {
                return text.substring(0, i);
            }
        }
        return text;
    }
}
