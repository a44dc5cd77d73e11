package io.hunterreferrals.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hunterreferrals.core.redaction.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's PostgreSQL: a connection pool to an external server, or (no URL configured) an embedded PostgreSQL
 * whose data lives in a folder under the working directory (default {@code .hunter/postgres}) and survives restarts.
 *
 * <p>Embedded mode and several processes: the first process that opens the folder starts the server; a second process
 * (a CLI command while the server runs, say) finds it through PostgreSQL's own {@code postmaster.pid} in the data
 * folder, checks that the postmaster is alive and answers for that folder, and connects to it instead of starting
 * another one. A lock file next to the data folder ({@code <folder>.lock}) serialises these decisions. The server is
 * stopped by whichever Hunter process closes last (the server is left running while other Hunter processes are
 * connected), so no server lingers after the last process exits. Server log: {@code <folder>.log}.
 *
 * <p>Thread-safe; {@link #close()} is idempotent and also runs from a shutdown hook in embedded mode.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Database created inside the embedded server. */
    public static final String EMBEDDED_DATABASE = "hunter";

    static final String EMBEDDED_USER = "postgres";
    /** application_name prefix of every Hunter connection; used to see whether other Hunter processes are attached. */
    private static final String APP_NAME_PREFIX = "hunter:";

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final String location;
    private final String applicationName;
    private final EmbeddedServer server; // null for an external database
    private final Thread shutdownHook;
    private volatile boolean closed;

    private Database(
            DatabaseSettings settings,
            HikariDataSource dataSource,
            String location,
            String applicationName,
            EmbeddedServer server) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.location = location;
        this.applicationName = applicationName;
        this.server = server;
        if (server != null) {
            this.shutdownHook = new Thread(this::closeQuietly, "hunter-database-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.shutdownHook = null;
        }
    }

    /**
     * Opens the database described by {@code settings}: connects to the external server, or starts/attaches to the
     * embedded one; then applies pending migrations when {@link DatabaseSettings#migrateOnStart()} is set.
     *
     * @throws IllegalStateException when the database cannot be reached, started or migrated (message says which)
     */
    public static Database open(DatabaseSettings settings) {
        String applicationName = APP_NAME_PREFIX + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
        Database db = settings.isEmbedded()
                ? openEmbedded(settings, applicationName)
                : openExternal(settings, applicationName);
        if (settings.migrateOnStart()) {
            try {
                db.migrate();
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
        return db;
    }

    private static Database openExternal(DatabaseSettings settings, String applicationName) {
        HikariConfig config = poolConfig(settings.url(), settings.user(), settings.password(), applicationName, 10);
        try {
            return new Database(settings, new HikariDataSource(config), settings.url(), applicationName, null);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot connect to PostgreSQL at " + settings.describe() + ": "
                            + rootMessage(e) + " (check " + settings.names().url() + ", "
                            + settings.names().user()
                            + " and " + settings.names().password() + ")",
                    e);
        }
    }

    private static Database openEmbedded(DatabaseSettings settings, String applicationName) {
        Path dataDir = settings.embeddedDataDir();
        return EmbeddedFolderLock.withFolderLock(dataDir, () -> {
            EmbeddedServer server =
                    EmbeddedServer.attachOrStart(dataDir, settings.names().url());
            try {
                server.ensureDatabase(EMBEDDED_DATABASE);
                String url = server.jdbcUrl(EMBEDDED_DATABASE);
                HikariConfig config = poolConfig(url, EMBEDDED_USER, null, applicationName, 5);
                config.setMinimumIdle(1);
                return new Database(
                        settings,
                        new HikariDataSource(config),
                        url + "?user=" + EMBEDDED_USER,
                        applicationName,
                        server);
            } catch (RuntimeException e) {
                server.stopIfOwnedQuietly();
                throw e;
            }
        });
    }

    private static HikariConfig poolConfig(
            String url, String user, String password, String applicationName, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hunter-db");
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(maxPoolSize);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.addDataSourceProperty("ApplicationName", applicationName);
        // Always plan with the actual parameter values (unnamed statements). With the driver's default, a statement
        // run 5 times becomes server-prepared and PostgreSQL may switch to a generic plan; right after a large first
        // sync the table statistics are stale and that generic plan was a sequential scan for an id lookup (50 ms
        // instead of 0.3 ms per page in docs/benchmarks.md). Planning these short statements costs far less.
        config.addDataSourceProperty("prepareThreshold", "0");
        return config;
    }

    /** The pooled connections. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether this is the embedded database (no database URL configured). */
    public boolean isEmbedded() {
        return server != null;
    }

    /** Whether this instance started the embedded server (false: it attached to one already running, or external). */
    public boolean startedEmbeddedServer() {
        return server != null && server.owned();
    }

    /** JDBC URL without password, e.g. {@code jdbc:postgresql://localhost:54321/hunter?user=postgres}. */
    public String location() {
        return location;
    }

    /** Embedded data folder, if embedded. */
    public Optional<Path> embeddedDataDir() {
        return server == null ? Optional.empty() : Optional.of(settings.embeddedDataDir());
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Applies pending Flyway migrations from {@code classpath:db/migration}. */
    public MigrationReport migrate() {
        try {
            MigrateResult result = flyway().migrate();
            List<String> applied = result.migrations.stream()
                    .map(m -> m.version + " " + m.description)
                    .toList();
            if (result.migrationsExecuted > 0) {
                log.atInfo()
                        .addKeyValue("count", result.migrationsExecuted)
                        .addKeyValue("location", Redaction.url(location))
                        .addKeyValue("applied", applied)
                        .log("database_migrated");
            }
            return new MigrationReport(result.migrationsExecuted, applied, result.targetSchemaVersion);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Migrating the database at " + Redaction.url(location) + " failed: " + rootMessage(e), e);
        }
    }

    /** All known migrations (applied and pending), oldest first, from Flyway's {@code info()}. */
    public List<Migration> migrations() {
        return java.util.Arrays.stream(flyway().info().all())
                .map(Database::toMigration)
                .toList();
    }

    private static Migration toMigration(MigrationInfo info) {
        return new Migration(
                info.getVersion() == null ? null : info.getVersion().getVersion(),
                info.getDescription(),
                info.getState().getDisplayName(),
                info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant());
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .failOnMissingLocations(true)
                .load();
    }

    /**
     * Leaves closing at JVM exit to the caller. By default an embedded server is closed by a shutdown hook, which runs
     * alongside the caller's own hooks; a server that must first record a running sync's outcome closes the database
     * itself, afterwards, and calls this.
     */
    public void leaveShutdownToCaller() {
        removeShutdownHook();
    }

    /** Closes the pool. In embedded mode, stops the server unless other Hunter processes are still connected to it. */
    @Override
    public void close() {
        if (Thread.currentThread() != shutdownHook) {
            removeShutdownHook();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (server == null) {
            dataSource.close();
            return;
        }
        EmbeddedFolderLock.withFolderLock(settings.embeddedDataDir(), () -> {
            dataSource.close();
            server.releaseByClient(applicationName);
            return null;
        });
    }

    private void removeShutdownHook() {
        if (shutdownHook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException ignored) {
            // JVM already shutting down, or hook already removed
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("error", e.toString()).log("database_close_failed");
        }
    }

    /** One migration as reported by Flyway. */
    public record Migration(String version, String description, String state, Instant installedOn) {}

    /** Result of {@link #migrate()}: how many were applied now, which, and the schema version afterwards. */
    public record MigrationReport(int executed, List<String> applied, String schemaVersion) {}

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t.getMessage();
    }
}
