package io.hunterreferrals.cli;

import io.hunterreferrals.postgres.Database;
import io.hunterreferrals.postgres.backup.BackupException;
import io.hunterreferrals.postgres.backup.DatabaseBackup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The production runbook's phase 3.1 in one command: {@code backups/backup_<label>_<YYYYmmdd_HHMMSS>.sql} by pg_dump,
 * owner-only, for an external or the embedded database, then restored into a scratch database and compared table by
 * table before it is called valid.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Back up the database with pg_dump (of the server's major version) into DIR/backup_<label>_"
                + "<YYYYmmdd_HHMMSS>.sql, mode 0600, and verify it by restoring it into a scratch database.")
final class DbBackupCommand implements Callable<Integer> {

    @Option(
            names = "--dir",
            defaultValue = "backups",
            description = "Folder for the backup (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
            names = "--label",
            defaultValue = "manual",
            description = "Middle of the file name, e.g. pre_partner_center (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(
            names = "--no-verify",
            description = "Skip the restore into a scratch database (the dump is still checked "
                    + "for pg_dump's end marker).")
    boolean noVerify;

    private final CliContext context;

    DbBackupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path target = context.workingDir().resolve(dir).normalize();
        try (Database database = context.openDatabase(context.settings().database())) {
            DatabaseBackup.Result result;
            try {
                result = new DatabaseBackup(DbTools.clients(context), DbTools.TIMEOUT)
                        .create(database, new DatabaseBackup.Request(target, label, !noVerify, LocalDateTime.now()));
            } catch (BackupException e) {
                throw DbTools.failure(e);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, "invalid_label", e.getMessage());
            }
            PrintWriter out = context.out();
            out.println("Backup: " + result.file() + " (" + DbTools.size(result.sizeBytes()) + ", owner-only)");
            out.println("Database: " + database.location() + " (PostgreSQL " + result.serverMajor() + ")");
            out.println("Rows: " + DbTools.counts(result.counts()));
            if (result.verifiedIn().isPresent()) {
                out.println("Verified: restored into a scratch database ("
                        + result.verifiedIn().get() + ", dropped since); every table's row count is equal.");
                out.println("Backup valid");
            } else {
                out.println("Not verified (--no-verify): the dump is complete (pg_dump's end marker is present).");
            }
            return ExitCode.SUCCESS.code();
        }
    }
}
