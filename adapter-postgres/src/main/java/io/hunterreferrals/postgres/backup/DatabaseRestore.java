package io.hunterreferrals.postgres.backup;

import io.hunterreferrals.postgres.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * {@code hunter db restore}: plays a backup made by {@link DatabaseBackup} into the product's database. The dump drops
 * and recreates each of the product's objects ({@code --clean --if-exists}) inside one transaction, so the database is
 * either exactly the backup afterwards or unchanged. Refused while another hunter process (a server, a worker, a sync)
 * is connected: replacing tables under a running sync would end in a mix of both.
 */
public final class DatabaseRestore {

    /** @param counts row counts per table after the restore */
    public record Result(Path file, Map<String, Long> counts) {
        public Result {
            counts = Map.copyOf(counts);
        }
    }

    private final PgClientTools tools;
    private final Duration timeout;

    public DatabaseRestore(PgClientTools tools, Duration timeout) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Checks the file is a complete backup; call before asking the operator to confirm. */
    public static void checkIsBackup(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new BackupException(BackupException.Reason.NOT_A_BACKUP, file + " does not exist");
            }
            if (!BackupFile.isComplete(file)) {
                throw new BackupException(
                        BackupException.Reason.NOT_A_BACKUP,
                        file + " is not a complete pg_dump "
                                + "backup (it lacks '" + BackupFile.HEADER + "' at the top or '" + BackupFile.END_MARK
                                + "' at the end). Nothing was changed.");
            }
        } catch (IOException e) {
            throw new BackupException(
                    BackupException.Reason.NOT_A_BACKUP, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** How many other hunter processes are connected to the product's database now. */
    public static int otherHunterProcesses(Database database) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(DISTINCT application_name) FROM pg_stat_activity WHERE datname = "
                                + "current_database() "
                                + "AND application_name LIKE 'hunter:%' AND application_name NOT LIKE ?")) {
            ps.setString(1, "hunter:" + ProcessHandle.current().pid() + ":%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new BackupException(
                    BackupException.Reason.RESTORE_FAILED, "Cannot reach the database: " + e.getMessage(), e);
        }
    }

    public Result restore(Database database, Path file) {
        checkIsBackup(file);
        int major = ServerFacts.major(database);
        Path psql = tools.find("psql", major);
        int others = otherHunterProcesses(database);
        if (others > 0) {
            throw new BackupException(
                    BackupException.Reason.IN_USE,
                    others + " other hunter process(es) (server, "
                            + "worker or sync) are connected to the database. Stop them first (docker compose "
                            + "stop api worker, "
                            + "or systemctl stop 'hunter@*'), then restore. Nothing was changed.");
        }
        PgClientConnection target = PgClientConnection.of(database);
        Psql.play(psql, target, file, timeout).ifPresent(failure -> {
            throw new BackupException(
                    BackupException.Reason.RESTORE_FAILED,
                    "The restore failed and was rolled back (the database is unchanged): " + failure);
        });
        return new Result(file, Psql.counts(psql, target, timeout));
    }
}
