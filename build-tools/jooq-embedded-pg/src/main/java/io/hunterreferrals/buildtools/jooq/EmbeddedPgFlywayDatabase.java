package io.hunterreferrals.buildtools.jooq;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.meta.postgres.PostgresDatabase;
import org.jooq.tools.JooqLogger;

/**
 * A jOOQ meta {@code Database} for code generation that needs no running database and no Docker: on first use it starts
 * an embedded PostgreSQL (zonky), applies the Flyway migrations from the module's source tree and hands the connection
 * to jOOQ's regular {@link PostgresDatabase}, so the generated code reflects the real PostgreSQL schema.
 *
 * <p>Properties (codegen {@code <database><properties>}):
 *
 * <ul>
 *   <li>{@code locations}: comma-separated Flyway locations; default
 *       {@code filesystem:<basedir>/src/main/resources/db/migration}.
 * </ul>
 */
public class EmbeddedPgFlywayDatabase extends PostgresDatabase {

    private static final JooqLogger log = JooqLogger.getLogger(EmbeddedPgFlywayDatabase.class);

    private EmbeddedPostgres postgres;
    private Connection connection;

    @Override
    protected DSLContext create0() {
        if (connection == null) {
            start();
        }
        return super.create0();
    }

    private void start() {
        long t0 = System.nanoTime();
        String[] locations = locations();
        try {
            postgres = EmbeddedPostgres.builder().start();
            MigrateResult result = Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations(locations)
                    .failOnMissingLocations(true)
                    .loggers("slf4j")
                    .load()
                    .migrate();
            connection = postgres.getPostgresDatabase().getConnection();
            setConnection(connection);
            log.info(
                    "Embedded PostgreSQL up and migrated",
                    "%d migration(s) from %s in %d ms"
                            .formatted(
                                    result.migrationsExecuted,
                                    Arrays.toString(locations),
                                    (System.nanoTime() - t0) / 1_000_000));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for jOOQ code generation", e);
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("Could not connect to the embedded PostgreSQL for jOOQ code generation", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String[] locations() {
        String configured = getProperties().getProperty("locations");
        if (configured != null && !configured.isBlank()) {
            return Arrays.stream(configured.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toArray(String[]::new);
        }
        String basedir = getBasedir() == null ? "." : getBasedir();
        File dir = new File(basedir, "src/main/resources/db/migration");
        return new String[] {"filesystem:" + dir.getAbsolutePath()};
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // shutting down anyway
                }
                connection = null;
            }
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("Could not stop the embedded PostgreSQL", e.getMessage());
                }
                postgres = null;
            }
        }
    }
}
