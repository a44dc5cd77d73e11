package io.hunterreferrals.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's PostgreSQL: a connection pool to an external server, or (no URL configured) an embedded
 * PostgreSQL whose data lives in a folder under the working directory (default {@code .hunter/postgres}) and survives
 * restarts.
 *
 * <p>Embedded mode and several processes: the first process that opens the folder starts the server; a second
 * process (a CLI command while the server runs, say) finds it through PostgreSQL's own {@code postmaster.pid} in the
 * data folder, checks that the postmaster is alive and answers for that folder, and connects to it instead of
 * starting another one. A lock file next to the data folder ({@code <folder>.lock}) serialises these decisions. The
 * server is stopped by whichever Hunter process closes last (the server is left running while other Hunter
 * processes are connected), so no server lingers after the last process exits. Server log: {@code <folder>.log}.
 *
 * <p>Thread-safe; {@link #close()} is idempotent and also runs from a shutdown hook in embedded mode.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Database created inside the embedded server. */
    public static final String EMBEDDED_DATABASE = "hunter";
    private static final String EMBEDDED_USER = "postgres";
    /** application_name prefix of every Hunter connection; used to see whether other Hunter processes are attached. */
    private static final String APP_NAME_PREFIX = "hunter:";
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final String location;
    private final String applicationName;
    private final EmbeddedServer server; // null for an external database
    private final Thread shutdownHook;
    private volatile boolean closed;

    private Database(DatabaseSettings settings, HikariDataSource dataSource, String location, String applicationName,
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
        Database db = settings.isEmbedded() ? openEmbedded(settings, applicationName)
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
            throw new IllegalStateException("Cannot connect to PostgreSQL at " + settings.describe() + ": "
                    + rootMessage(e) + " (check " + DatabaseSettings.ENV_URL + ", " + DatabaseSettings.ENV_USER
                    + " and " + DatabaseSettings.ENV_PASSWORD + ")", e);
        }
    }

    private static Database openEmbedded(DatabaseSettings settings, String applicationName) {
        Path dataDir = settings.embeddedDataDir();
        return withFolderLock(dataDir, () -> {
            EmbeddedServer server = EmbeddedServer.attachOrStart(dataDir);
            try {
                server.ensureDatabase(EMBEDDED_DATABASE);
                String url = server.jdbcUrl(EMBEDDED_DATABASE);
                HikariConfig config = poolConfig(url, EMBEDDED_USER, null, applicationName, 5);
                config.setMinimumIdle(1);
                return new Database(settings, new HikariDataSource(config), url + "?user=" + EMBEDDED_USER,
                        applicationName, server);
            } catch (RuntimeException e) {
                server.stopIfOwnedQuietly();
                throw e;
            }
        });
    }

    private static HikariConfig poolConfig(String url, String user, String password, String applicationName,
            int maxPoolSize) {
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

    /** Whether this is the embedded database (no {@code HUNTER_DATABASE_URL}). */
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
                    .map(m -> m.version + " " + m.description).toList();
            if (result.migrationsExecuted > 0) {
                log.atInfo().addKeyValue("count", result.migrationsExecuted).addKeyValue("location", location)
                        .addKeyValue("applied", applied).log("database_migrated");
            }
            return new MigrationReport(result.migrationsExecuted, applied, result.targetSchemaVersion);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Migrating the database at " + location + " failed: " + rootMessage(e), e);
        }
    }

    /** All known migrations (applied and pending), oldest first, from Flyway's {@code info()}. */
    public List<Migration> migrations() {
        return java.util.Arrays.stream(flyway().info().all()).map(Database::toMigration).toList();
    }

    private static Migration toMigration(MigrationInfo info) {
        return new Migration(info.getVersion() == null ? null : info.getVersion().getVersion(), info.getDescription(),
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

    /**
     * Closes the pool. In embedded mode, stops the server unless other Hunter processes are still connected to it.
     */
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
        withFolderLock(settings.embeddedDataDir(), () -> {
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

    // --------------------------------------------------------------------------------------------------------------

    private interface LockedAction<T> {
        T run();
    }

    /** Serialises start/attach/stop decisions for one data folder: within this JVM and across processes. */
    private static <T> T withFolderLock(Path dataDir, LockedAction<T> action) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dataDir, d -> new ReentrantLock());
        jvmLock.lock();
        try {
            Path lockFile = siblingFile(dataDir, ".lock");
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return action.run();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the embedded database folder " + dataDir, e);
        } finally {
            jvmLock.unlock();
        }
    }

    static Path siblingFile(Path dataDir, String suffix) {
        return dataDir.resolveSibling(dataDir.getFileName() + suffix);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t.getMessage();
    }

    /** The embedded server: started by this process (owned) or found running (attached). */
    static final class EmbeddedServer {
        private final Path dataDir;
        private final int port;
        private final long postmasterPid;
        private final EmbeddedPostgres postgres; // non-null when this process started it

        private EmbeddedServer(Path dataDir, int port, long postmasterPid, EmbeddedPostgres postgres) {
            this.dataDir = dataDir;
            this.port = port;
            this.postmasterPid = postmasterPid;
            this.postgres = postgres;
        }

        boolean owned() {
            return postgres != null;
        }

        static EmbeddedServer attachOrStart(Path dataDir) {
            Optional<EmbeddedServer> running = findRunning(dataDir);
            if (running.isPresent()) {
                log.atInfo().addKeyValue("data_dir", dataDir).addKeyValue("port", running.get().port)
                        .addKeyValue("pid", running.get().postmasterPid).log("embedded_database_attached");
                return running.get();
            }
            return start(dataDir);
        }

        /** Uses PostgreSQL's own postmaster.pid (line 1 pid, line 4 port) and checks the server really serves it. */
        static Optional<EmbeddedServer> findRunning(Path dataDir) {
            List<String> lines;
            try {
                lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                log.atWarn().addKeyValue("file", dataDir.resolve("postmaster.pid")).addKeyValue("error", e.toString())
                        .log("embedded_database_pid_unreadable");
                return Optional.empty();
            }
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid;
            int port;
            try {
                pid = Long.parseLong(lines.get(0).strip());
                port = Integer.parseInt(lines.get(3).strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.empty();
            }
            try (Connection c = probe(port); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SHOW data_directory")) {
                rs.next();
                Path served = Path.of(rs.getString(1)).toRealPath();
                if (!served.equals(dataDir.toRealPath())) {
                    log.atWarn().addKeyValue("port", port).addKeyValue("data_dir", dataDir).addKeyValue("served", served)
                            .log("embedded_database_port_serves_other_folder");
                    return Optional.empty();
                }
                return Optional.of(new EmbeddedServer(dataDir, port, pid, null));
            } catch (SQLException | IOException e) {
                log.debug("Embedded PostgreSQL for {} not reachable on port {}: {}", dataDir, port, e.toString());
                return Optional.empty();
            }
        }

        private static EmbeddedServer start(Path dataDir) {
            long t0 = System.nanoTime();
            boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
            try {
                Files.createDirectories(dataDir.getParent());
                Redirect logRedirect = Redirect.appendTo(siblingFile(dataDir, ".log").toFile());
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false) // Database decides when to stop (last Hunter process out)
                        .setServerConfig("listen_addresses", "localhost")
                        // zonky runs postgres with -F (fsync off), fine for tests but not for data that must survive
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "100")
                        .setOutputRedirector(logRedirect)
                        .setErrorRedirector(logRedirect)
                        .setPGStartupWait(Duration.ofSeconds(30))
                        .start();
                long pid = readPostmasterPid(dataDir);
                log.atInfo().addKeyValue("data_dir", dataDir).addKeyValue("port", pg.getPort())
                        .addKeyValue("initialised", fresh).addKeyValue("duration_ms", (System.nanoTime() - t0) / 1_000_000)
                        .log("embedded_database_started");
                return new EmbeddedServer(dataDir, pg.getPort(), pid, pg);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDir + ": "
                        + rootMessage(e) + ". See " + siblingFile(dataDir, ".log")
                        + "; set " + DatabaseSettings.ENV_URL + " to use an external PostgreSQL instead.", e);
            }
        }

        private static long readPostmasterPid(Path dataDir) {
            try {
                return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        private static Connection probe(int port) throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", EMBEDDED_USER);
            props.setProperty("connectTimeout", "3");
            props.setProperty("ApplicationName", "hunter-probe");
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", props);
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://localhost:" + port + "/" + database;
        }

        void ensureDatabase(String database) {
            try (Connection c = probe(port);
                    PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE \"" + database + "\" ENCODING 'UTF8' TEMPLATE template0");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create database " + database + " in the embedded PostgreSQL: "
                        + e.getMessage(), e);
            }
        }

        /** Called (under the folder lock) when a Database using this server closes. */
        void releaseByClient(String closingApplicationName) {
            int others;
            try (Connection c = probe(port); PreparedStatement ps = c.prepareStatement(
                    "SELECT count(DISTINCT application_name) FROM pg_stat_activity "
                            + "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() "
                            + "AND application_name LIKE 'hunter:%' AND application_name <> ?")) {
                ps.setString(1, closingApplicationName);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    others = rs.getInt(1);
                }
            } catch (SQLException e) {
                log.debug("Embedded PostgreSQL on port {} not reachable while closing: {}", port, e.toString());
                others = 0;
            }
            if (others > 0) {
                log.atInfo().addKeyValue("data_dir", dataDir).addKeyValue("other_connections", others)
                        .log("embedded_database_left_running");
                return;
            }
            stop();
        }

        private void stop() {
            if (postgres != null) {
                try {
                    postgres.close();
                    log.atInfo().addKeyValue("data_dir", dataDir).log("embedded_database_stopped");
                } catch (IOException e) {
                    log.atWarn().addKeyValue("data_dir", dataDir).addKeyValue("error", e.toString())
                            .log("embedded_database_stop_failed");
                }
                return;
            }
            // Started by another (now finished) process: ask the postmaster for a fast shutdown (SIGINT).
            Optional<ProcessHandle> handle = ProcessHandle.of(postmasterPid);
            if (handle.isEmpty()) {
                return;
            }
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmasterPid))
                        .redirectErrorStream(true).start();
                kill.waitFor(5, TimeUnit.SECONDS);
                handle.get().onExit().get(20, TimeUnit.SECONDS);
                log.atInfo().addKeyValue("data_dir", dataDir).addKeyValue("pid", postmasterPid).log("embedded_database_stopped");
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.atWarn().addKeyValue("data_dir", dataDir).addKeyValue("pid", postmasterPid)
                        .addKeyValue("error", e.toString()).log("embedded_database_stop_failed");
            }
        }

        void stopIfOwnedQuietly() {
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException | RuntimeException ignored) {
                    // best effort
                }
            }
        }
    }
}
