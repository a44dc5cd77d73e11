package io.hunterreferrals.postgres.backup;

import io.hunterreferrals.postgres.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code hunter db backup}: a plain-format {@code pg_dump} of the product's database, the same for an external and for
 * the embedded PostgreSQL, then proven restorable.
 *
 * <p>The row counts the backup is checked against are taken in the very snapshot pg_dump dumps
 * ({@code pg_export_snapshot()} and {@code pg_dump --snapshot}), so a sync writing meanwhile cannot make a good backup
 * look bad, or a bad one good. The dump goes to a hidden {@code .partial} file and gets its final name only once it is
 * complete (pg_dump's end marker) and, unless told otherwise, restored into a scratch database on the same server with
 * every table's row count equal. Whatever fails, no file is left that looks like a backup.
 */
public final class DatabaseBackup {

    /**
     * @param dir where the file goes; created owner-only when missing
     * @param label the middle of the file name, e.g. {@code pre_partner_center}
     * @param verify restore into a scratch database and compare row counts
     * @param at the time in the file name (local time, as the runbook's {@code date +%Y%m%d_%H%M%S})
     */
    public record Request(Path dir, String label, boolean verify, LocalDateTime at) {
        public Request {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * @param counts row counts per table at the moment of the dump
     * @param verifiedIn the scratch database the backup was restored into (dropped since), empty when not verified
     */
    public record Result(
            Path file, long sizeBytes, int serverMajor, Map<String, Long> counts, Optional<String> verifiedIn) {
        public Result {
            counts = Map.copyOf(counts);
        }
    }

    private final PgClientTools tools;
    private final Duration timeout;

    public DatabaseBackup(PgClientTools tools, Duration timeout) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public Result create(Database database, Request request) {
        String name = BackupFile.name(request.label(), request.at());
        int major = ServerFacts.major(database);
        Path pgDump = tools.find("pg_dump", major);
        Path psql = request.verify() ? tools.find("psql", major) : null;
        Path partial = createPartial(request.dir(), name);
        try {
            Map<String, Long> counts = dump(database, pgDump, partial);
            Optional<String> verifiedIn = Optional.empty();
            if (psql != null) {
                verifiedIn = Optional.of(new ScratchRestore(database, psql, timeout).verify(partial, counts));
            }
            Path file = request.dir().resolve(name);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Result(file, Files.size(file), major, counts, verifiedIn);
        } catch (IOException e) {
            throw new BackupException(
                    BackupException.Reason.DUMP_FAILED,
                    "Cannot write the backup in " + request.dir() + ": " + e.getMessage(),
                    e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static Path createPartial(Path dir, String name) {
        try {
            if (Files.exists(dir.resolve(name))) {
                throw new BackupException(
                        BackupException.Reason.DUMP_FAILED,
                        dir.resolve(name) + " exists already; wait a second or use another --label");
            }
            return BackupFile.createPrivate(dir, "." + name + ".partial");
        } catch (IOException e) {
            throw new BackupException(
                    BackupException.Reason.DUMP_FAILED,
                    "Cannot create the backup in " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    /** Dumps in an exported snapshot and counts the rows of that same snapshot. */
    private Map<String, Long> dump(Database database, Path pgDump, Path target) throws IOException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            String snapshot;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                snapshot = rs.getString(1);
            }
            Map<String, Long> counts = TableCounts.of(connection);
            PgClientConnection source = PgClientConnection.of(database);
            List<String> command = new ArrayList<>(List.of(pgDump.toString()));
            command.addAll(source.arguments());
            // --clean --if-exists: a restore replaces what is there; no owner or grants, so another role can restore it
            command.addAll(List.of(
                    "--snapshot=" + snapshot,
                    "--no-owner",
                    "--no-privileges",
                    "--clean",
                    "--if-exists",
                    "--encoding=UTF8"));
            Map<String, String> environment = new HashMap<>(source.environment());
            environment.put("PGAPPNAME", "hunter-backup");
            ExternalProcess.Result result = ExternalProcess.run(command, environment, target, timeout);
            connection.commit();
            if (!result.succeeded()) {
                throw new BackupException(
                        BackupException.Reason.DUMP_FAILED,
                        "pg_dump failed (exit " + result.exitCode() + "): " + result.tail() + ". Nothing was written.");
            }
            if (!BackupFile.isComplete(target)) {
                throw new BackupException(
                        BackupException.Reason.DUMP_FAILED,
                        "pg_dump ended without its end marker ('" + BackupFile.END_MARK
                                + "'): the dump is incomplete. Nothing was written.");
            }
            return counts;
        } catch (SQLException e) {
            throw new BackupException(
                    BackupException.Reason.DUMP_FAILED,
                    "Cannot read the database for the backup: " + e.getMessage() + ". Nothing was written.",
                    e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the unfinished backup " + file, e);
        }
    }
}
