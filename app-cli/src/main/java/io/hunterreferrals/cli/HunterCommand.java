package io.hunterreferrals.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code hunter <command>}. */
@Command(
        name = "hunter",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Syncs Microsoft Partner Center referrals into PostgreSQL and shows them as leads.%n"
                + "Settings: HUNTER_* environment variables or a .env file in the working directory.",
        subcommands = {
            ConfigCommand.class,
            AuthCommand.class,
            SyncCommand.class,
            DbCommand.class,
            ReferralsCommand.class,
            LeadsCommand.class,
            DemoCommand.class,
            DynamicsCommand.class,
            EventsCommand.class,
            NotifyCommand.class,
            WebhooksCommand.class,
            ServerCommand.class,
            CompletionCommand.class
        },
        footerHeading = "%nExit codes:%n")
final class HunterCommand extends CommandGroup {

    /** The configured command line: commands built with {@code context}, logging set up before each run. */
    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new HunterCommand(), new CliFactory(context));
        commandLine.getCommandSpec().usageMessage().footer(footer());
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setExecutionStrategy(parseResult -> {
            context.configureLogging();
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler(new ErrorReporter(context));
        return commandLine;
    }

    /**
     * The exit codes from {@link ExitCode} itself (their names, lower-cased), three to a line (picocli wraps at 80
     * columns), then where to start.
     */
    private static String[] footer() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        ExitCode[] codes = ExitCode.values();
        for (int i = 0; i < codes.length; i++) {
            line.append("  ")
                    .append(codes[i].code())
                    .append(' ')
                    .append(codes[i].name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            if (i % 3 == 2 || i == codes.length - 1) {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        lines.add("%nStart with `hunter demo` (simulated data) or `hunter config check`.");
        return lines.toArray(String[]::new);
    }
}
