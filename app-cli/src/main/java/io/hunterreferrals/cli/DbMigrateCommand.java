package io.hunterreferrals.cli;

import io.hunterreferrals.postgres.Database;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Applies pending schema migrations (the runbook's `alembic upgrade head`), or lists them with {@code --dry-run}. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply pending database migrations (--dry-run: list them and apply nothing).")
final class DbMigrateCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "List the pending migrations; change nothing.")
    boolean dryRun;

    private final CliContext context;

    DbMigrateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Database database = context.openDatabase(context.settings().database())) {
            if (dryRun) {
                List<Database.Migration> pending = DbInfoCommand.pending(database);
                context.out()
                        .println(
                                pending.isEmpty()
                                        ? "No pending migrations: the database is up to date."
                                        : pending.size() + " pending migration(s), not applied (--dry-run):");
                pending.forEach(m -> context.out().println("  " + m.version() + " " + m.description()));
                context.out().println("Database: " + database.location());
                return ExitCode.SUCCESS.code();
            }
            Database.MigrationReport report;
            try {
                report = database.migrate();
            } catch (IllegalStateException e) {
                throw CliContext.databaseError(context.settings().database(), e);
            }
            context.out()
                    .println(
                            report.executed() == 0
                                    ? "The database is up to date (schema version " + report.schemaVersion() + ")."
                                    : "Applied " + report.executed() + " migration(s): "
                                            + String.join(", ", report.applied()) + ". Schema version: "
                                            + report.schemaVersion() + ".");
            context.out().println("Database: " + database.location());
            return ExitCode.SUCCESS.code();
        }
    }
}
