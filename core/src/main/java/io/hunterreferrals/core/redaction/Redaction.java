package io.hunterreferrals.core.redaction;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one way a URL, a secret or an e-mail address is made showable (config check, error messages, logs,
 * {@code toString()}). One owner, so that two places cannot disagree about what is hidden.
 */
public final class Redaction {

    private static final String MASK = "****";

    /**
     * Query parameters whose value is a secret: database passwords and the signatures and tokens webhook URLs carry
     * (Teams/Power Automate {@code sig=}, {@code token=}, ...). A name ending in one of them counts too
     * ({@code sslpassword}, {@code api_key}, {@code client_secret}): hiding a harmless value costs less than showing a
     * secret one.
     */
    private static final List<String> SECRET_PARAMETERS =
            List.of("sig", "signature", "token", "access_token", "secret", "key", "code", "password");

    private Redaction() {}

    /**
     * The URL with the user-info password and the value of every secret query parameter replaced by {@code ****}.
     *
     * <p>It must hold for URLs that do not parse: a password with an unencoded {@code #}, {@code /}, {@code ?},
     * {@code @} or {@code &} is exactly the case that ends up in an error message. So the user-info password runs from
     * the first {@code :} after {@code ://} (after the start when there is none) to the <em>last</em> {@code @} (a host
     * never holds one) and a secret parameter is masked to the end of the URL (an unencoded {@code &} may be part of
     * it); both mask too much rather than too little.
     *
     * @return {@code null} for {@code null}
     */
    public static String url(String raw) {
        if (raw == null) {
            return null;
        }
        // Every rule looks at the URL as given, and every character any rule covers is hidden.
        boolean[] hidden = new boolean[raw.length()];
        // without "://" (a mistyped scheme, the usual reason for an error) the user-info may start anywhere
        int scheme = raw.indexOf("://");
        int at = raw.lastIndexOf('@');
        int colon = raw.indexOf(':', scheme < 0 ? 0 : scheme + 3);
        if (colon >= 0 && colon < at) {
            Arrays.fill(hidden, colon + 1, at, true);
        }
        int value = firstSecretParameterValue(raw);
        if (value >= 0) {
            Arrays.fill(hidden, value, raw.length(), true);
        }
        StringBuilder shown = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            if (!hidden[i]) {
                shown.append(raw.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                shown.append(MASK);
            }
        }
        return shown.toString();
    }

    /**
     * A webhook's address as it may be shown: scheme, host and port, {@code https://hooks.slack.com/…}. The path and
     * query of a webhook URL are its credential (Slack's and Teams Workflows' URLs carry the secret there, not in a
     * parameter {@link #url} would know), so all of it is hidden; the host tells an operator which service it is.
     *
     * @return {@code null} for {@code null}; {@code ****} for a value that is not an absolute URL with a host, since
     *     then no part of it can be told to be harmless
     */
    public static String urlOrigin(String raw) {
        if (raw == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            return MASK;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return MASK;
        }
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        boolean more = (uri.getRawPath() != null
                        && !uri.getRawPath().isEmpty()
                        && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null;
        return more ? origin + "/\u2026" : origin + "/";
    }

    /**
     * A secret as it may be shown: {@code **** (12 characters)}. The length tells an operator whether the value they
     * meant arrived (an empty or truncated key) without telling anyone the value.
     *
     * @return {@code null} for {@code null}
     */
    public static String secret(String value) {
        if (value == null) {
            return null;
        }
        return MASK + " (" + value.length() + (value.length() == 1 ? " character)" : " characters)");
    }

    /**
     * {@code a***@contoso.example}: the domain alone identifies an organisation, not a person.
     *
     * @return {@code ""} for {@code null} or blank, {@code ***} for a value without a local part
     */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /**
     * Where the value of the first secret parameter starts, or -1. A parameter starts after any {@code ?} or {@code &},
     * even one inside the user-info or another value: in a URL that does not parse, that is as likely to be where a
     * parameter begins as anywhere else.
     */
    private static int firstSecretParameterValue(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '?' && c != '&') {
                continue;
            }
            int end = i + 1;
            while (end < raw.length() && "=&?#".indexOf(raw.charAt(end)) < 0) {
                end++;
            }
            if (end < raw.length() && raw.charAt(end) == '=' && isSecretName(raw.substring(i + 1, end))) {
                return end + 1;
            }
        }
        return -1;
    }

    private static boolean isSecretName(String name) {
        // decoded, because the libpq parser decodes parameter names: pass%77ord= is a password
        String plain = decodeLeniently(name).strip().toLowerCase(Locale.ROOT);
        return SECRET_PARAMETERS.stream().anyMatch(plain::endsWith);
    }

    /** ASCII percent-escapes decoded, anything else (bad escapes, multi-byte sequences) left as it is. */
    private static String decodeLeniently(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = c == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0 && hi < 8) {
                out.append((char) (hi * 16 + lo));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
