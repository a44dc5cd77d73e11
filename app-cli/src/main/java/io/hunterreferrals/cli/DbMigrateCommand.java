package io.hunterreferrals.cli;

import io.hunterreferrals.postgres.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Applies pending schema migrations (the runbook's `alembic upgrade head`). */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending database migrations.")
final class DbMigrateCommand implements Callable<Integer> {

    private final CliContext context;

    DbMigrateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Database database = context.openDatabase(context.settings().database())) {
            Database.MigrationReport report;
            try {
                report = database.migrate();
            } catch (IllegalStateException e) {
                throw CliContext.databaseError(e);
            }
            context.out().println(report.executed() == 0
                    ? "The database is up to date (schema version " + report.schemaVersion() + ")."
                    : "Applied " + report.executed() + " migration(s): " + String.join(", ", report.applied())
                            + ". Schema version: " + report.schemaVersion() + ".");
            context.out().println("Database: " + database.location());
            return ExitCode.SUCCESS.code();
        }
    }
}
