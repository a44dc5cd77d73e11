package io.hunterreferrals.postgres;

import io.hunterreferrals.core.redaction.Redaction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * Where the database is and how to reach it, parsed from plain strings (environment variables or options).
 *
 * <ul>
 *   <li>{@code url == null}: the zero-setup embedded PostgreSQL whose data lives in {@code embeddedDataDir}.</li>
 *   <li>otherwise a JDBC URL ({@code jdbc:postgresql://...}) of an external PostgreSQL, without credentials; those are
 *       in {@code user} / {@code password}.</li>
 * </ul>
 *
 * @param url             JDBC URL of an external PostgreSQL without user/password, or {@code null} for embedded
 * @param user            user name for the external database, or {@code null} (driver default)
 * @param password        password for the external database, or {@code null}; never printed by {@link #toString()}
 * @param embeddedDataDir the embedded server's data folder (absolute), used when {@code url == null}
 * @param migrateOnStart  whether {@link Database#open} applies pending Flyway migrations
 */
public record DatabaseSettings(String url, String user, String password, Path embeddedDataDir, boolean migrateOnStart) {

    public static final String ENV_URL = "HUNTER_DATABASE_URL";
    public static final String ENV_USER = "HUNTER_DATABASE_USER";
    public static final String ENV_PASSWORD = "HUNTER_DATABASE_PASSWORD";
    public static final String ENV_EMBEDDED_DIR = "HUNTER_DATABASE_EMBEDDED_DIR";
    public static final String ENV_MIGRATE_ON_START = "HUNTER_DATABASE_MIGRATE_ON_START";

    /** Default embedded data folder, relative to the working directory. */
    public static final String DEFAULT_EMBEDDED_DIR = ".hunter/postgres";

    private static final String EXPECTED_URL = "expected jdbc:postgresql://host[:port]/database[?params], "
            + "postgresql://[user[:password]@]host[:port]/database[?params] or postgres://... "
            + "(percent-encode special characters in user and password), or leave it unset for the embedded database";

    public DatabaseSettings {
        Objects.requireNonNull(embeddedDataDir, "embeddedDataDir");
        embeddedDataDir = embeddedDataDir.toAbsolutePath().normalize();
    }

    /** The embedded database in {@code dataDir}, migrated on start. */
    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(null, null, null, dataDir, true);
    }

    /** Reads the {@code HUNTER_DATABASE_*} variables (blank = unset) from {@code env}, e.g. {@code System.getenv()}. */
    public static DatabaseSettings fromEnvironment(Map<String, String> env) {
        return parse(env.get(ENV_URL), env.get(ENV_USER), env.get(ENV_PASSWORD), env.get(ENV_EMBEDDED_DIR),
                env.get(ENV_MIGRATE_ON_START));
    }

    /** Parses URL and credentials; embedded folder and migrate-on-start take their defaults. */
    public static DatabaseSettings parse(String url, String user, String password) {
        return parse(url, user, password, null, null);
    }

    /**
     * Parses the raw values; {@code null} or blank means "not set". {@code user} and {@code password} override
     * credentials in the URL.
     *
     * @throws IllegalArgumentException naming the variable and what is expected, when a value is malformed
     */
    public static DatabaseSettings parse(String url, String user, String password, String embeddedDir,
            String migrateOnStart) {
        Path dataDir = parseDir(blankToNull(embeddedDir));
        boolean migrate = parseBoolean(blankToNull(migrateOnStart));
        String rawUrl = blankToNull(url);
        String overrideUser = blankToNull(user);
        String overridePassword = password == null || password.isEmpty() ? null : password;
        if (rawUrl == null) {
            return new DatabaseSettings(null, overrideUser, overridePassword, dataDir, migrate);
        }
        ParsedUrl parsed = parseUrl(rawUrl.strip());
        return new DatabaseSettings(parsed.jdbcUrl(),
                overrideUser != null ? overrideUser : parsed.user(),
                overridePassword != null ? overridePassword : parsed.password(),
                dataDir, migrate);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    public DatabaseSettings withEmbeddedDataDir(Path dir) {
        return new DatabaseSettings(url, user, password, dir, migrateOnStart);
    }

    public DatabaseSettings withMigrateOnStart(boolean migrate) {
        return new DatabaseSettings(url, user, password, embeddedDataDir, migrate);
    }

    /** Human-readable target without the password, e.g. for logs and {@code hunter db info}. */
    public String describe() {
        if (isEmbedded()) {
            return "embedded PostgreSQL in " + embeddedDataDir;
        }
        // the URL holds no user or password any more, but may hold other secrets (sslpassword=...)
        return Redaction.url(url) + (user != null ? " (user " + user + ")" : "");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + Redaction.url(url) + ", user=" + user + ", password=" + Redaction.secret(password)
                + ", embeddedDataDir=" + embeddedDataDir + ", migrateOnStart=" + migrateOnStart + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    record ParsedUrl(String jdbcUrl, String user, String password) {}

    static ParsedUrl parseUrl(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return parseJdbc(raw);
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return parseLibpq(raw);
        }
        throw invalid(ENV_URL, "unsupported scheme in '" + Redaction.url(raw) + "'", EXPECTED_URL);
    }

    private static ParsedUrl parseJdbc(String raw) {
        Properties props;
        try {
            props = org.postgresql.Driver.parseURL(raw, null);
        } catch (RuntimeException e) {
            props = null;
        }
        if (props == null) {
            throw invalid(ENV_URL, "'" + Redaction.url(raw) + "' is not a valid PostgreSQL JDBC URL", EXPECTED_URL);
        }
        // Move user/password out of the query string so that the URL can be shown without secrets.
        int q = raw.indexOf('?');
        if (q < 0) {
            return new ParsedUrl(raw, null, null);
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
                // not quoted: after an unencoded '&' in a password, the "parameter" is the rest of the password
                throw invalid(ENV_URL, "a query parameter in '" + Redaction.url(raw) + "' has no value", EXPECTED_URL);
            }
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (key.equals("user")) {
                user = percentDecode(value, ENV_URL, "user parameter");
            } else if (key.equals("password")) {
                password = percentDecode(value, ENV_URL, "password parameter");
            } else {
                kept.add(pair);
            }
        }
        String base = raw.substring(0, q);
        return new ParsedUrl(kept.length() == 0 ? base : base + "?" + kept, blankToNull(user), password);
    }

    /** libpq URI: postgresql://[user[:password]@][host[:port][,host[:port]...]][/dbname][?param=value&...] */
    private static ParsedUrl parseLibpq(String raw) {
        String rest = raw.substring(raw.indexOf("://") + 3);
        int lastAt = rest.lastIndexOf('@');
        int firstDelimiter = firstIndexOf(rest, "/?#");
        if (lastAt >= 0 && firstDelimiter >= 0 && firstDelimiter < lastAt) {
            // The user-info holds an unencoded delimiter: splitting it would put pieces of the password into host,
            // port or parameter messages. Say so without quoting any piece.
            throw invalid(ENV_URL, "the user name or password in '" + Redaction.url(raw) + "' holds an unencoded '/', '?', "
                    + "'#' or '@'; percent-encode it (/ → %2F, ? → %3F, # → %23, @ → %40)", EXPECTED_URL);
        }
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            throw invalid(ENV_URL, "'" + Redaction.url(raw) + "' contains a fragment (#)", EXPECTED_URL);
        }
        String authority = rest;
        String database = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            authority = rest.substring(0, slash);
            database = percentDecode(rest.substring(slash + 1), ENV_URL, "database name");
            if (database.contains("/")) {
                throw invalid(ENV_URL, "the database name in '" + Redaction.url(raw) + "' contains '/'", EXPECTED_URL);
            }
        }
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = percentDecode(userInfo.substring(0, colon), ENV_URL, "user name");
                password = percentDecode(userInfo.substring(colon + 1), ENV_URL, "password");
            } else {
                user = percentDecode(userInfo, ENV_URL, "user name");
            }
        }
        StringJoiner hosts = new StringJoiner(",");
        if (authority.isEmpty()) {
            hosts.add("localhost");
        } else {
            for (String hostPort : authority.split(",", -1)) {
                hosts.add(parseHostPort(hostPort, raw));
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    // not quoted: after an unencoded '&' in a password, the "parameter" is the rest of the password
                    throw invalid(ENV_URL, "a query parameter in '" + Redaction.url(raw) + "' has no value",
                            EXPECTED_URL);
                }
                String key = percentDecode(pair.substring(0, eq), ENV_URL, "query parameter name");
                String value = percentDecode(pair.substring(eq + 1), ENV_URL, "query parameter " + key);
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "dbname" -> database = value;
                    case "host" -> throw invalid(ENV_URL,
                            "host=... in the query is not supported (Unix sockets cannot be used from Java); "
                                    + "put the host in the URL", EXPECTED_URL);
                    case "application_name" -> params.put("ApplicationName", value);
                    case "connect_timeout" -> params.put("connectTimeout", value);
                    default -> params.put(key, value); // sslmode, sslrootcert, options, ... have the same names
                }
            }
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hosts).append('/')
                .append(encodeComponent(database));
        if (!params.isEmpty()) {
            StringJoiner qs = new StringJoiner("&", "?", "");
            params.forEach((k, v) -> qs.add(encodeComponent(k) + "=" + encodeComponent(v)));
            jdbc.append(qs);
        }
        return new ParsedUrl(jdbc.toString(), blankToNull(user), password);
    }

    private static String parseHostPort(String hostPort, String raw) {
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw invalid(ENV_URL, "unclosed '[' in the host of '" + Redaction.url(raw) + "'", EXPECTED_URL);
            }
            host = hostPort.substring(0, end + 1);
            String after = hostPort.substring(end + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(ENV_URL, "bad host '" + hostPort + "' in '" + Redaction.url(raw) + "'", EXPECTED_URL);
                }
                port = after.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            port = colon >= 0 ? hostPort.substring(colon + 1) : null;
            host = percentDecode(host, ENV_URL, "host");
            if (host.startsWith("/")) {
                throw invalid(ENV_URL, "Unix-socket host '" + host + "' is not supported from Java", EXPECTED_URL);
            }
            if (host.isEmpty() || !host.matches("[A-Za-z0-9._-]+")) {
                throw invalid(ENV_URL, "bad host '" + hostPort + "' in '" + Redaction.url(raw) + "'", EXPECTED_URL);
            }
        }
        if (port == null || port.isEmpty()) {
            return host;
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            throw invalid(ENV_URL, "port '" + port + "' in '" + Redaction.url(raw) + "' is not a number between 1 and 65535",
                    EXPECTED_URL);
        }
        return host + ":" + p;
    }

    private static Path parseDir(String dir) {
        String value = dir == null ? DEFAULT_EMBEDDED_DIR : dir;
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid(ENV_EMBEDDED_DIR, "'" + value + "' is not a valid path (" + e.getReason() + ")",
                    "expected a folder path, absolute or relative to the working directory");
        }
    }

    private static boolean parseBoolean(String value) {
        if (value == null) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(ENV_MIGRATE_ON_START, "'" + value + "' is not a boolean", "expected true or false");
        };
    }

    static String percentDecode(String s, String variable, String what) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw invalid(variable, "incomplete percent-escape in the " + what, EXPECTED_URL);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw invalid(variable, "invalid percent-escape '" + s.substring(i, i + 3) + "' in the " + what,
                            EXPECTED_URL);
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
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid(variable, "the percent-encoded " + what + " is not valid UTF-8", EXPECTED_URL);
        }
    }

    private static String encodeComponent(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int firstIndexOf(String s, String characters) {
        int first = -1;
        for (char c : characters.toCharArray()) {
            int i = s.indexOf(c);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
    }

    private static IllegalArgumentException invalid(String variable, String problem, String expected) {
        return new IllegalArgumentException(variable + ": " + problem + "; " + expected + ".");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
