package io.hunterreferrals.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded server: started by this process (owned) or found running (attached). */
final class EmbeddedServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    /**
     * The PostgreSQL major of the embedded binaries ({@code pg-binaries.version} in the root pom; a test checks they
     * agree). 15 because Debian 12's only client package is postgresql-client-15, and {@code hunter db backup} needs a
     * {@code pg_dump} of the server's major (ADR 0011).
     */
    static final int MAJOR_VERSION = 15;

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

    /** @param urlSetting what the operator calls the database URL setting, for the way out in error messages */
    static EmbeddedServer attachOrStart(Path dataDir, String urlSetting) {
        Optional<EmbeddedServer> running = findRunning(dataDir);
        if (running.isPresent()) {
            log.atInfo()
                    .addKeyValue("data_dir", dataDir)
                    .addKeyValue("port", running.get().port)
                    .addKeyValue("pid", running.get().postmasterPid)
                    .log("embedded_database_attached");
            return running.get();
        }
        return start(dataDir, urlSetting);
    }

    /** Uses PostgreSQL's own postmaster.pid (line 1 pid, line 4 port) and checks the server really serves it. */
    static Optional<EmbeddedServer> findRunning(Path dataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.atWarn()
                    .addKeyValue("file", dataDir.resolve("postmaster.pid"))
                    .addKeyValue("error", e.toString())
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
        try (Connection c = probe(port);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1)).toRealPath();
            if (!served.equals(dataDir.toRealPath())) {
                log.atWarn()
                        .addKeyValue("port", port)
                        .addKeyValue("data_dir", dataDir)
                        .addKeyValue("served", served)
                        .log("embedded_database_port_serves_other_folder");
                return Optional.empty();
            }
            return Optional.of(new EmbeddedServer(dataDir, port, pid, null));
        } catch (SQLException | IOException e) {
            log.debug("Embedded PostgreSQL for {} not reachable on port {}: {}", dataDir, port, e.toString());
            return Optional.empty();
        }
    }

    private static EmbeddedServer start(Path dataDir, String urlSetting) {
        long t0 = System.nanoTime();
        boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
        if (!fresh) {
            refuseOtherMajor(dataDir, urlSetting);
        }
        try {
            Files.createDirectories(dataDir.getParent());
            Redirect logRedirect = Redirect.appendTo(
                    EmbeddedFolderLock.siblingFile(dataDir, ".log").toFile());
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
            log.atInfo()
                    .addKeyValue("data_dir", dataDir)
                    .addKeyValue("port", pg.getPort())
                    .addKeyValue("initialised", fresh)
                    .addKeyValue("duration_ms", (System.nanoTime() - t0) / 1_000_000)
                    .log("embedded_database_started");
            return new EmbeddedServer(dataDir, pg.getPort(), pid, pg);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot start the embedded PostgreSQL in " + dataDir + ": "
                            + Database.rootMessage(e) + ". See " + EmbeddedFolderLock.siblingFile(dataDir, ".log")
                            + "; set " + urlSetting + " to use an external PostgreSQL instead.",
                    e);
        }
    }

    /**
     * A data folder only opens with the major that created it. Starting it with other binaries fails deep inside
     * PostgreSQL's log; this says what happened and what to do, and changes nothing.
     */
    private static void refuseOtherMajor(Path dataDir, String urlSetting) {
        String created;
        try {
            created = Files.readString(dataDir.resolve("PG_VERSION")).strip();
        } catch (IOException e) {
            return; // unreadable: let PostgreSQL report it
        }
        if (created.equals(Integer.toString(MAJOR_VERSION))) {
            return;
        }
        throw new IllegalStateException("The embedded database in " + dataDir + " was created by PostgreSQL "
                + created + ", and this version of hunter embeds PostgreSQL " + MAJOR_VERSION + " (so that "
                + "Debian's pg_dump can back it up; docs/adr/0011-embedded-postgresql-15-and-backups.md). Nothing "
                + "was changed. Either open it with the hunter build that created it, or move it aside (mv " + dataDir
                + " " + dataDir + "-pg" + created + ") and run `hunter sync --full`: the referrals come back from "
                + "Partner Center, but leads and link decisions kept only in that folder do not. Or set "
                + urlSetting + " to an external PostgreSQL.");
    }

    private static long readPostmasterPid(Path dataDir) {
        try {
            return Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Connection probe(int port) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", Database.EMBEDDED_USER);
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
            throw new IllegalStateException(
                    "Cannot create database " + database + " in the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Called (under the folder lock) when a Database using this server closes. */
    void releaseByClient(String closingApplicationName) {
        int others;
        try (Connection c = probe(port);
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(DISTINCT application_name) FROM pg_stat_activity "
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
            log.atInfo()
                    .addKeyValue("data_dir", dataDir)
                    .addKeyValue("other_connections", others)
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
                log.atWarn()
                        .addKeyValue("data_dir", dataDir)
                        .addKeyValue("error", e.toString())
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
                    .redirectErrorStream(true)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
            handle.get().onExit().get(20, TimeUnit.SECONDS);
            log.atInfo()
                    .addKeyValue("data_dir", dataDir)
                    .addKeyValue("pid", postmasterPid)
                    .log("embedded_database_stopped");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.atWarn()
                    .addKeyValue("data_dir", dataDir)
                    .addKeyValue("pid", postmasterPid)
                    .addKeyValue("error", e.toString())
                    .log("embedded_database_stop_failed");
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
