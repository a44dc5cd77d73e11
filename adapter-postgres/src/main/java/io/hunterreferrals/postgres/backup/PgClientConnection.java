package io.hunterreferrals.postgres.backup;

import io.hunterreferrals.postgres.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * How a libpq program (psql, pg_dump) reaches the product's database: host, port, database and user as arguments, the
 * password and TLS settings in libpq's environment variables so they never show in a process list. The one place that
 * turns the product's JDBC settings into libpq's; {@code hunter db shell}, backup and restore all use it.
 *
 * @param arguments {@code --host ... --port ... --dbname ... [--username ...]}
 * @param environment {@code PGPASSWORD}, {@code PGSSLMODE} and the like, only those that are set
 */
public record PgClientConnection(List<String> arguments, Map<String, String> environment) {

    /** libpq reads these from the environment; the JDBC URL's parameters of the same meaning are passed on. */
    private static final Map<String, String> PASSED_PARAMETERS = Map.of(
            "sslmode", "PGSSLMODE", "sslrootcert", "PGSSLROOTCERT", "sslcert", "PGSSLCERT", "sslkey", "PGSSLKEY");

    public PgClientConnection {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    public static PgClientConnection of(Database database) {
        return of(database, null);
    }

    /**
     * The same server and credentials, another database on it (e.g. a scratch database); {@code null}: the product's.
     */
    public static PgClientConnection of(Database database, String otherDatabase) {
        Properties url = Driver.parseURL(database.location(), new Properties());
        if (url == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + database.location());
        }
        String user = database.settings().user() != null ? database.settings().user() : url.getProperty("user");
        List<String> arguments = new ArrayList<>(List.of(
                "--host",
                url.getProperty("PGHOST"),
                "--port",
                url.getProperty("PGPORT"),
                "--dbname",
                otherDatabase != null ? otherDatabase : url.getProperty("PGDBNAME")));
        if (user != null) {
            arguments.addAll(List.of("--username", user));
        }
        Map<String, String> environment = new HashMap<>();
        if (database.settings().password() != null && !database.isEmbedded()) {
            environment.put("PGPASSWORD", database.settings().password());
        }
        PASSED_PARAMETERS.forEach((parameter, variable) -> {
            if (url.getProperty(parameter) != null) {
                environment.put(variable, url.getProperty(parameter));
            }
        });
        environment.put("PGCONNECT_TIMEOUT", "10");
        return new PgClientConnection(arguments, environment);
    }

    /** The database these arguments name. */
    public String databaseName() {
        return arguments.get(arguments.indexOf("--dbname") + 1);
    }

    @Override
    public String toString() {
        return "PgClientConnection[arguments=" + arguments + ", environment=" + environment.keySet() + "]";
    }
}
