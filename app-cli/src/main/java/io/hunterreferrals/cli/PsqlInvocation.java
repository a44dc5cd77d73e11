package io.hunterreferrals.cli;

import io.hunterreferrals.postgres.Database;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The psql command line for the product's database: host, port, database and user as arguments, the password (and
 * sslmode) in libpq's environment variables so they never show in a process list.
 */
record PsqlInvocation(List<String> command, Map<String, String> environment) {

    static Optional<Path> findPsql(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "psql"))) {
                return Optional.of(Path.of(dir, "psql"));
            }
        }
        return Optional.empty();
    }

    /** @param extra arguments passed through to psql, e.g. {@code -c "SELECT ..."} */
    static PsqlInvocation of(Path psql, Database database, List<String> extra) {
        URI uri = URI.create(database.location().replaceFirst("^jdbc:", ""));
        Map<String, String> query = query(uri.getRawQuery());
        String user = database.settings().user() != null ? database.settings().user() : query.get("user");
        List<String> command = new ArrayList<>(List.of(psql.toString(), "--host", uri.getHost(),
                "--port", Integer.toString(uri.getPort() == -1 ? 5432 : uri.getPort()),
                "--dbname", uri.getPath().replaceFirst("^/", "")));
        if (user != null) {
            command.addAll(List.of("--username", user));
        }
        command.addAll(extra);
        Map<String, String> environment = new HashMap<>();
        if (database.settings().password() != null && !database.isEmbedded()) {
            environment.put("PGPASSWORD", database.settings().password());
        }
        if (query.containsKey("sslmode")) {
            environment.put("PGSSLMODE", query.get("sslmode"));
        }
        return new PsqlInvocation(List.copyOf(command), Map.copyOf(environment));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
