package io.hunterreferrals.cli;

import picocli.CommandLine.Command;

@Command(
        name = "leads",
        mixinStandardHelpOptions = true,
        description = "Leads (companies): import a CSV of known companies, list them with their referrals.",
        subcommands = {LeadsImportCommand.class, LeadsListCommand.class})
final class LeadsCommand extends CommandGroup {}
