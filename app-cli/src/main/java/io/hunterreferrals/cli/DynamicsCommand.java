package io.hunterreferrals.cli;

import picocli.CommandLine.Command;

@Command(
        name = "dynamics",
        mixinStandardHelpOptions = true,
        description = "Hamle 2: push the referrals to Dynamics 365 as leads (HUNTER_DYNAMICS_* settings; "
                + "docs/operator-runbook.md, Hamle 2).",
        subcommands = {DynamicsCheckCommand.class, DynamicsSetupCommand.class, DynamicsPushCommand.class})
final class DynamicsCommand extends CommandGroup {}
