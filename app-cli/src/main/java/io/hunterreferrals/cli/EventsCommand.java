package io.hunterreferrals.cli;

import picocli.CommandLine.Command;

@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = "The notification outbox: referral events and their deliveries to each channel "
                + "(HUNTER_NOTIFY_* settings; docs/notifications.md).",
        subcommands = {EventsListCommand.class, EventsRetryCommand.class})
final class EventsCommand extends CommandGroup {}
