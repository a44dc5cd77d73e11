package io.hunterreferrals.cli;

import picocli.CommandLine.Command;

@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "The product's PostgreSQL (embedded in .hunter/postgres unless HUNTER_DATABASE_URL is set).",
        subcommands = {
            DbMigrateCommand.class,
            DbInfoCommand.class,
            DbBackupCommand.class,
            DbRestoreCommand.class,
            DbShellCommand.class
        })
final class DbCommand extends CommandGroup {}
