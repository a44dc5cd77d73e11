package io.hunterreferrals.cli;

import io.hunterreferrals.postgres.Database;
import io.hunterreferrals.postgres.backup.BackupException;
import io.hunterreferrals.postgres.backup.DatabaseRestore;
import io.hunterreferrals.postgres.backup.PgClientConnection;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Puts a backup made by {@code hunter db backup} back: every table of the product is replaced by the backup's, in one
 * transaction. It says what it will replace and asks first (type the database's name), or takes {@code --yes} in a
 * script; refused while a server, worker or sync uses the database.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = "Replace the database's contents with a backup made by `hunter db backup` (one transaction; "
                + "stop the server and workers first).")
final class DbRestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file (backup_<label>_<time>.sql).")
    Path file;

    @Option(names = "--yes", description = "Do not ask: replace the database's contents with the backup.")
    boolean yes;

    private final CliContext context;

    DbRestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path backup = context.workingDir().resolve(file).normalize();
        PrintWriter out = context.out();
        try {
            DatabaseRestore.checkIsBackup(backup);
            try (Database database = context.openDatabase(context.settings().database())) {
                out.println("Restore " + backup);
                out.println("   into " + database.location());
                out.println("Every table of the product is replaced by the backup's rows; changes since the "
                        + "backup are lost.");
                out.flush();
                confirm(database);
                DatabaseRestore.Result result =
                        new DatabaseRestore(DbTools.clients(context), DbTools.TIMEOUT).restore(database, backup);
                out.println("Restored. Rows: " + DbTools.counts(result.counts()));
                out.println("Next: `hunter db migrate` if this build has newer migrations, then start the server.");
                return ExitCode.SUCCESS.code();
            }
        } catch (BackupException e) {
            throw DbTools.failure(e);
        }
    }

    private void confirm(Database database) {
        if (yes) {
            return;
        }
        String name = PgClientConnection.of(database).databaseName();
        Console console = System.console();
        if (console != null) {
            String typed = console.readLine("Type the database name (%s) to restore, anything else to stop: ", name);
            if (typed != null && typed.strip().equals(name)) {
                return;
            }
        }
        throw new CliException(
                ExitCode.NOT_CONFIRMED,
                "not_confirmed",
                "Not confirmed: nothing was changed. "
                        + (console == null ? "Run it again with --yes to restore without a question." : ""));
    }
}
