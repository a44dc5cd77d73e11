package io.hunterreferrals.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code hunter <command>}. */
@Command(name = "hunter", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Syncs Microsoft Partner Center referrals into PostgreSQL and shows them as leads.%n"
                + "Settings: HUNTER_* environment variables or a .env file in the working directory.",
        subcommands = {ConfigCommand.class, AuthCommand.class, SyncCommand.class, DbCommand.class,
                ReferralsCommand.class, LeadsCommand.class, DemoCommand.class, ServerCommand.class,
                CompletionCommand.class},
        footerHeading = "%nExit codes:%n", footer = {
                "  0 success   1 internal error   2 usage   3 partial   4 feature flag off",
                "  5 configuration invalid   6 sign-in required   7 Partner Center error",
                "  8 busy   9 database error   10 not found   11 psql missing",
                "%nStart with `hunter demo` (simulated data) or `hunter config check`."})
final class HunterCommand extends CommandGroup {

    /** The configured command line: commands built with {@code context}, logging set up before each run. */
    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new HunterCommand(), new CliFactory(context));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setExecutionStrategy(parseResult -> {
            context.configureLogging();
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler(new ErrorReporter(context));
        return commandLine;
    }
}
