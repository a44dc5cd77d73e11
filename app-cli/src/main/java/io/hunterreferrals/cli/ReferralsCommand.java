package io.hunterreferrals.cli;

import picocli.CommandLine.Command;

@Command(
        name = "referrals",
        mixinStandardHelpOptions = true,
        description = "List and show synced referrals.",
        subcommands = {ReferralsListCommand.class, ReferralsShowCommand.class})
final class ReferralsCommand extends CommandGroup {}
