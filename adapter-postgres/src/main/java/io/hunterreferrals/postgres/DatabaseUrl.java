package io.hunterreferrals.postgres;

import io.hunterreferrals.core.redaction.Redaction;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * A database URL as an operator writes it, {@code jdbc:postgresql://...} or libpq's {@code postgresql://...} /
 * {@code postgres://...}, turned into the driver's JDBC URL with the credentials taken out, so that the URL can be
 * shown and the credentials cannot.
 *
 * @param jdbcUrl the JDBC URL without user and password
 * @param user the URL's user name, or {@code null}
 * @param password the URL's password, or {@code null}; never printed by {@link #toString()}
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    /** Ends every parse error: what a valid value looks like. */
    static final String EXPECTED = "expected jdbc:postgresql://host[:port]/database[?params], "
            + "postgresql://[user[:password]@]host[:port]/database[?params] or postgres://... "
            + "(percent-encode special characters in user and password)";

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /**
     * Parses {@code raw} (surrounding blanks ignored).
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected; it shows the URL only through
     *     {@link Redaction#url} and never quotes a piece of the password. The message names no setting: the caller
     *     knows which one it read.
     */
    public static DatabaseUrl parse(String raw) {
        String url = raw.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return parseJdbc(url);
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return LibpqUrl.parse(url);
        }
        throw invalid("unsupported scheme in " + quoted(url));
    }

    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + Redaction.url(jdbcUrl) + ", user=" + user + ", password="
                + Redaction.secret(password) + "]";
    }

    private static DatabaseUrl parseJdbc(String raw) {
        Properties props;
        try {
            props = org.postgresql.Driver.parseURL(raw, null);
        } catch (RuntimeException e) {
            props = null;
        }
        if (props == null) {
            throw invalid(quoted(raw) + " is not a valid PostgreSQL JDBC URL");
        }
        // Move user/password out of the query string so that the URL can be shown without secrets.
        int q = raw.indexOf('?');
        if (q < 0) {
            return new DatabaseUrl(raw, null, null);
        }
        String user = null;
        String password = null;
        StringJoiner kept = new StringJoiner("&");
        for (String pair : raw.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw parameterWithoutValue(raw);
            }
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (key.equals("user")) {
                user = UrlEncoding.decode(value, "user parameter", true);
            } else if (key.equals("password")) {
                password = UrlEncoding.decode(value, "password parameter", false);
            } else {
                kept.add(pair);
            }
        }
        String base = raw.substring(0, q);
        return new DatabaseUrl(kept.length() == 0 ? base : base + "?" + kept, blankToNull(user), password);
    }

    /** {@code 'url'} with its secrets masked: the only way a URL goes into a message. */
    static String quoted(String raw) {
        return "'" + Redaction.url(raw) + "'";
    }

    static IllegalArgumentException parameterWithoutValue(String raw) {
        // not quoted: after an unencoded '&' in a password, the "parameter" is the rest of the password
        return invalid("a query parameter in " + quoted(raw) + " has no value");
    }

    static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(problem + "; " + EXPECTED);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
