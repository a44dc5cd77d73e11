package io.hunterreferrals.partnercenter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Decides whether a call's {@code X-MS-Certificate-Url} may be fetched: only a URL on an allow-listed scheme, host,
 * port and path prefix is, so a forged call cannot make us fetch (and trust) a certificate of its own, nor use us to
 * probe other hosts. Anything that could make two spellings of a URL mean different things on the server is refused
 * rather than normalised: user info, query, fragment, {@code .}/{@code ..} or empty segments, backslashes and %-escapes
 * in the path. What is normalised: case of scheme and host, and the default port.
 */
final class CertificateUrlPolicy {

    /** Far longer than any real certificate URL; parsing is bounded. */
    static final int MAX_URL_LENGTH = 2048;

    private final List<URI> prefixes;
    private final String allowed;

    CertificateUrlPolicy(List<URI> prefixes) {
        this.prefixes = List.copyOf(prefixes);
        this.allowed = prefixes.stream().map(URI::toString).collect(Collectors.joining(", "));
    }

    /** What {@link #check} found. The message names the rule that failed, never the URL: a header's value. */
    sealed interface Verdict {
        record Allowed(URI url) implements Verdict {}

        record Refused(String message) implements Verdict {}
    }

    Verdict check(String header) {
        String text = header.strip();
        if (text.length() > MAX_URL_LENGTH || text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return refused("it is too long or holds spaces or control characters");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            return refused("it is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute()
                || url.getHost() == null
                || url.getRawPath() == null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            return refused("it is not an absolute http(s) URL with a host");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            return refused("it carries user info, a query or a fragment");
        }
        if (!cleanPath(url.getRawPath())) {
            return refused("its path holds '.', '..', '//', '\\' or %-escapes");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = effectivePort(scheme, url.getPort());
        for (URI prefix : prefixes) {
            String prefixScheme = prefix.getScheme().toLowerCase(Locale.ROOT);
            if (prefixScheme.equals(scheme)
                    && prefix.getHost().equalsIgnoreCase(host)
                    && effectivePort(prefixScheme, prefix.getPort()) == port
                    && url.getRawPath().startsWith(prefix.getRawPath())
                    && url.getRawPath().length() > prefix.getRawPath().length()) {
                return new Verdict.Allowed(
                        URI.create(scheme + "://" + authority(host, scheme, url.getPort()) + url.getRawPath()));
            }
        }
        return refused("another scheme, host, port or a path outside the allowed prefixes");
    }

    /** Starts with {@code /}; no empty, {@code .} or {@code ..} segment (a trailing {@code /} aside), no \ or %. */
    static boolean cleanPath(String rawPath) {
        if (!rawPath.startsWith("/") || rawPath.indexOf('%') >= 0 || rawPath.indexOf('\\') >= 0) {
            return false;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean trailing = i == segments.length - 1 && s.isEmpty();
            if ((s.isEmpty() && !trailing) || s.equals(".") || s.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private Verdict refused(String why) {
        return new Verdict.Refused("The call's certificate URL is not allowed (" + why
                + "); certificates are fetched only from " + allowed);
    }

    private static int effectivePort(String scheme, int port) {
        if (port != -1) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }

    private static String authority(String host, String scheme, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == -1 || port == effectivePort(scheme, -1) ? h : h + ":" + port;
    }
}
