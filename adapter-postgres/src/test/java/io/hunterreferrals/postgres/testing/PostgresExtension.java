package io.hunterreferrals.postgres.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit extension giving tests a real, migrated PostgreSQL: one server per test JVM (kept in the root
 * {@link ExtensionContext.Store} and closed by JUnit at the end), shared by all test classes.
 *
 * <p>Which server, by the system property {@code test.pg} (the parent POM passes {@code auto}):
 *
 * <ul>
 *   <li>{@code embedded}: zonky embedded PostgreSQL, no Docker probe;
 *   <li>{@code docker}: Testcontainers {@code postgres:15-alpine}; fails fast when there is no Docker engine;
 *   <li>{@code auto} (default): Docker if a Docker socket or {@code DOCKER_HOST} exists and the engine answers,
 *       otherwise embedded. Without {@code /var/run/docker.sock} and {@code DOCKER_HOST}, Docker is not probed.
 * </ul>
 *
 * <p>Usage: {@code @ExtendWith(PostgresExtension.class)} on the class, then take a {@link DataSource} or a
 * {@link TestPostgres} as a parameter of a test, lifecycle method or constructor. The database is shared, so call
 * {@link #truncateAll(DataSource)} in {@code @BeforeEach} (or tolerate other tests' rows). From another module, depend
 * on {@code io.hunterreferrals:adapter-postgres:test-jar} (test scope) plus {@code junit-jupiter}; add
 * {@code org.testcontainers:testcontainers-postgresql} (test) only if Docker should be usable.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(PostgresExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String KEY = "shared-postgres";

    /** Application tables emptied by {@link #truncateAll}; sync_state keeps its single row, reset. */
    public static final List<String> APPLICATION_TABLES = List.of(
            "partner_center_referrals",
            "companies",
            "sync_runs",
            "sync_quarantine",
            "scheduled_tasks",
            "dynamics_push_state",
            "dynamics_push_runs",
            "notification_events",
            "webhook_hints",
            "notification_deliveries",
            "notification_gone_targets");

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DataSource.class || type == TestPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        TestPostgres pg = shared(extensionContext).info();
        return parameterContext.getParameter().getType() == DataSource.class ? pg.dataSource() : pg;
    }

    /** Empties the application tables (identities restarted) and resets the sync_state row. */
    public static void truncateAll(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + String.join(", ", APPLICATION_TABLES) + " RESTART IDENTITY CASCADE");
            // Runs an earlier test started and never finished still hold their run locks (RunLocks, the push's
            // JooqPushRunLog): a fresh database has no live run, so their sessions go too; waiting (up to 5 s) until
            // each has really gone, since a session still ending would be counted (or hold the lock) in the next test.
            st.execute("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name IN "
                    + "('hunter-run-lock', 'hunter-push-lock') AND pid <> pg_backend_pid()");
            // TRUNCATE ... CASCADE empties sync_state too (it references sync_runs): put its single row back.
            st.execute("INSERT INTO sync_state (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET watermark = NULL, "
                    + "last_run_id = NULL, last_success_at = NULL, updated_at = now()");
        } catch (SQLException e) {
            throw new IllegalStateException("Truncating the test database failed", e);
        }
    }

    private static SharedPostgres shared(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(KEY, k -> SharedPostgres.start(), SharedPostgres.class);
    }

    /** The server plus the pool; JUnit closes it when the root context closes. */
    static final class SharedPostgres implements AutoCloseable {
        private final TestPostgres info;
        private final AutoCloseable server;

        private SharedPostgres(TestPostgres info, AutoCloseable server) {
            this.info = info;
            this.server = server;
        }

        TestPostgres info() {
            return info;
        }

        static SharedPostgres start() {
            String mode = System.getProperty("test.pg", "auto").strip().toLowerCase(Locale.ROOT);
            long t0 = System.nanoTime();
            SharedPostgres pg = switch (mode) {
                case "embedded", "zonky" -> startEmbedded();
                case "docker", "testcontainers" -> {
                    if (!DockerProbe.available()) {
                        throw new IllegalStateException("test.pg=docker but no Docker engine answers "
                                + "(or testcontainers-postgresql is not on the test classpath)");
                    }
                    yield DockerPostgres.start();
                }
                case "", "auto" ->
                    DockerProbe.socketPresent() && DockerProbe.available() ? DockerPostgres.start() : startEmbedded();
                default ->
                    throw new IllegalArgumentException("test.pg must be auto, embedded or docker, not '" + mode + "'");
            };
            log.info(
                    "Test PostgreSQL ({}) ready and migrated in {} ms: {}",
                    pg.info.kind(),
                    (System.nanoTime() - t0) / 1_000_000,
                    pg.info.jdbcUrl());
            return pg;
        }

        static SharedPostgres startEmbedded() {
            EmbeddedPostgres zonky;
            try {
                zonky = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
            }
            String url = "jdbc:postgresql://localhost:" + zonky.getPort() + "/postgres";
            return finish(url, "postgres", null, "embedded", zonky);
        }

        static SharedPostgres finish(String url, String user, String password, String kind, AutoCloseable server) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("test-pg");
            config.setJdbcUrl(url);
            config.setUsername(user);
            if (password != null) {
                config.setPassword(password);
            }
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(1);
            config.addDataSourceProperty("ApplicationName", "hunter-tests");
            HikariDataSource ds;
            try {
                ds = new HikariDataSource(config);
                Flyway.configure()
                        .dataSource(ds)
                        .locations("classpath:db/migration")
                        .loggers("slf4j")
                        .failOnMissingLocations(true)
                        .load()
                        .migrate();
            } catch (RuntimeException e) {
                closeQuietly(server);
                throw e;
            }
            return new SharedPostgres(new TestPostgres(ds, url, user, password, kind), server);
        }

        @Override
        public void close() {
            try {
                ((HikariDataSource) info.dataSource()).close();
            } finally {
                closeQuietly(server);
            }
        }

        private static void closeQuietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    /** Docker detection; Testcontainers classes are only touched here and in {@link DockerPostgres}. */
    static final class DockerProbe {
        static boolean socketPresent() {
            String dockerHost = System.getenv("DOCKER_HOST");
            return (dockerHost != null && !dockerHost.isBlank()) || Files.exists(Path.of("/var/run/docker.sock"));
        }

        static boolean available() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (NoClassDefFoundError e) {
                return false;
            }
        }
    }

    static final class DockerPostgres {
        static SharedPostgres start() {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15-alpine");
            container.start();
            return SharedPostgres.finish(
                    container.getJdbcUrl(),
                    container.getUsername(),
                    container.getPassword(),
                    "docker",
                    container::stop);
        }
    }
}
