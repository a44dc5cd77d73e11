package io.hunterreferrals.cli;

import picocli.CommandLine.Command;

@Command(
        name = "auth",
        mixinStandardHelpOptions = true,
        description = "Sign in to Partner Center with a device code, show or remove the sign-in (runbook phase 2).",
        subcommands = {AuthLoginCommand.class, AuthStatusCommand.class, AuthLogoutCommand.class})
final class AuthCommand extends CommandGroup {}
