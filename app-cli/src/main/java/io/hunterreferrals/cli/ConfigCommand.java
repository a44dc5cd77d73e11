package io.hunterreferrals.cli;

import picocli.CommandLine.Command;

@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Check the configuration (runbook phase 1).",
        subcommands = ConfigCheckCommand.class)
final class ConfigCommand extends CommandGroup {}
