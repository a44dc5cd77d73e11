package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.Setting;
import io.hunterreferrals.postgres.Database;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Where the database is, whether it is embedded, and which migrations are applied (the runbook's `alembic current`).
 * Exits {@link ExitCode#MIGRATIONS_PENDING} when this build has migrations the database lacks, so a deploy script can
 * ask before it restarts anything.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Show the database location, whether it is embedded, and its migrations; exit 12 when some are "
                + "pending.")
final class DbInfoCommand implements Callable<Integer> {

    private final CliContext context;

    DbInfoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Database database = context.openDatabase(context.settings().database())) {
            PrintWriter out = context.out();
            out.println("Database: " + database.location());
            out.println("Embedded: "
                    + (database.isEmbedded()
                            ? "yes, data in " + database.embeddedDataDir().orElseThrow()
                            : "no (" + Setting.DATABASE_URL.variable() + ")"));
            out.println();
            out.println("Migrations:");
            for (Database.Migration migration : database.migrations()) {
                out.printf(
                        "  %-6s %-32s %-10s %s%n",
                        migration.version(),
                        migration.description(),
                        migration.state(),
                        migration.installedOn() == null ? "" : migration.installedOn());
            }
            List<Database.Migration> pending = pending(database);
            if (!pending.isEmpty()) {
                out.println();
                out.println(pending.size() + " migration(s) pending: run `hunter db migrate` (or `hunter db migrate "
                        + "--dry-run` to list them). Exit code " + ExitCode.MIGRATIONS_PENDING.code() + ".");
                return ExitCode.MIGRATIONS_PENDING.code();
            }
            return ExitCode.SUCCESS.code();
        }
    }

    /** Migrations this build has that the database lacks, oldest first. */
    static List<Database.Migration> pending(Database database) {
        return database.migrations().stream()
                .filter(m -> "Pending".equals(m.state()))
                .toList();
    }
}
