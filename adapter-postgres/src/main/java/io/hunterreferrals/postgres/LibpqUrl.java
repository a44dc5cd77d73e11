package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.DatabaseUrl.invalid;
import static io.hunterreferrals.postgres.DatabaseUrl.quoted;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * libpq's URI, {@code postgresql://[user[:password]@][host[:port][,host[:port]...]][/dbname][?param=value&...]}, as the
 * JDBC URL the driver takes; the parameters that have other names in JDBC are renamed.
 */
final class LibpqUrl {

    private LibpqUrl() {}

    static DatabaseUrl parse(String raw) {
        String rest = raw.substring(raw.indexOf("://") + 3);
        int lastAt = rest.lastIndexOf('@');
        int firstDelimiter = firstIndexOf(rest, "/?#");
        if (lastAt >= 0 && firstDelimiter >= 0 && firstDelimiter < lastAt) {
            // The user-info holds an unencoded delimiter: splitting it would put pieces of the password into host,
            // port or parameter messages. Say so without quoting any piece.
            throw invalid("the user name or password in " + quoted(raw) + " holds an unencoded '/', '?', '#' or "
                    + "'@'; percent-encode it (/ → %2F, ? → %3F, # → %23, @ → %40)");
        }
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (rest.indexOf('#') >= 0) {
            throw invalid(quoted(raw) + " contains a fragment (#)");
        }
        String authority = rest;
        String database = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            authority = rest.substring(0, slash);
            database = UrlEncoding.decode(rest.substring(slash + 1), "database name", true);
            if (database.contains("/")) {
                throw invalid("the database name in " + quoted(raw) + " contains '/'");
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
                user = UrlEncoding.decode(userInfo.substring(0, colon), "user name", true);
                password = UrlEncoding.decode(userInfo.substring(colon + 1), "password", false);
            } else {
                user = UrlEncoding.decode(userInfo, "user name", true);
            }
        }
        StringJoiner hosts = new StringJoiner(",");
        if (authority.isEmpty()) {
            hosts.add("localhost");
        } else {
            for (String hostPort : authority.split(",", -1)) {
                hosts.add(hostAndPort(hostPort, raw));
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
                    throw DatabaseUrl.parameterWithoutValue(raw);
                }
                String key = UrlEncoding.decode(pair.substring(0, eq), "query parameter name", true);
                // any value may be a secret (password, sslpassword): its bad escape is not quoted
                String value = UrlEncoding.decode(pair.substring(eq + 1), "value of query parameter " + key, false);
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "dbname" -> database = value;
                    case "host" ->
                        throw invalid("host=... in the query is not supported (Unix sockets cannot be "
                                + "used from Java); put the host in the URL");
                    case "application_name" -> params.put("ApplicationName", value);
                    case "connect_timeout" -> params.put("connectTimeout", value);
                    default -> params.put(key, value); // sslmode, sslrootcert, options, ... have the same names
                }
            }
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://")
                .append(hosts)
                .append('/')
                .append(UrlEncoding.encode(database));
        if (!params.isEmpty()) {
            StringJoiner qs = new StringJoiner("&", "?", "");
            params.forEach((k, v) -> qs.add(UrlEncoding.encode(k) + "=" + UrlEncoding.encode(v)));
            jdbc.append(qs);
        }
        return new DatabaseUrl(jdbc.toString(), DatabaseUrl.blankToNull(user), password);
    }

    private static String hostAndPort(String hostPort, String raw) {
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw invalid("unclosed '[' in the host of " + quoted(raw));
            }
            host = hostPort.substring(0, end + 1);
            String after = hostPort.substring(end + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid("bad host '" + hostPort + "' in " + quoted(raw));
                }
                port = after.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            port = colon >= 0 ? hostPort.substring(colon + 1) : null;
            host = UrlEncoding.decode(host, "host", true);
            if (host.startsWith("/")) {
                throw invalid("Unix-socket host '" + host + "' is not supported from Java");
            }
            if (host.isEmpty() || !host.matches("[A-Za-z0-9._-]+")) {
                throw invalid("bad host '" + hostPort + "' in " + quoted(raw));
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
            throw invalid("port '" + port + "' in " + quoted(raw) + " is not a number between 1 and 65535");
        }
        return host + ":" + p;
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
}
