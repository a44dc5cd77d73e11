package io.hunterreferrals.cli;

import picocli.CommandLine.Command;

@Command(
        name = "notify",
        mixinStandardHelpOptions = true,
        description = "Notification channels (HUNTER_NOTIFY_* settings; docs/notifications.md).",
        subcommands = {NotifyTestCommand.class})
final class NotifyCommand extends CommandGroup {}
