package io.hunterreferrals.cli;

import io.hunterreferrals.app.config.NotifyChannelKind;
import io.hunterreferrals.app.config.NotifySettings;
import io.hunterreferrals.app.wiring.NotifyWiring;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.NotificationChannel;
import io.hunterreferrals.core.notify.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Sends one test message through a configured channel, straight (not through the outbox), and says exactly what failed:
 * the first thing an operator runs after setting a channel up.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Send a test message through a channel (email, teams, slack or webhook) and say what failed.")
final class NotifyTestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CHANNEL", description = "email, teams, slack or webhook")
    String channelName;

    private final CliContext context;

    NotifyTestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NotifyChannelKind kind;
        try {
            kind = NotifyChannelKind.fromName(channelName);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "unknown_channel", e.getMessage());
        }
        NotifySettings settings = context.settings().notifications();
        NotificationChannel channel;
        try {
            channel = NotifyWiring.channels(settings).get(kind);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.CONFIG_INVALID, "config_invalid", e.getMessage());
        }
        if (channel == null) {
            throw new CliException(
                    ExitCode.CONFIG_INVALID,
                    "channel_not_configured",
                    "The " + kind.channelName() + " channel is not configured: " + configuredBy(kind)
                            + " (hunter config check lists the channels).");
        }
        StoredEvent test = new StoredEvent(
                UUID.randomUUID(),
                0,
                Instant.now(),
                new Event(EventType.TEST, Optional.empty(), List.of(), Optional.empty()));
        context.out()
                .println("Sending a test message through " + kind.channelName() + " to " + channel.target() + " ...");
        DeliveryResult result =
                channel.deliver(List.of(NotifyWiring.links(settings).notification(test)));
        return switch (result) {
            case DeliveryResult.Delivered ok -> {
                context.out().println("Delivered: " + ok.detail() + " (event id " + test.id() + ").");
                yield ExitCode.SUCCESS.code();
            }
            case DeliveryResult.Failed failed -> throw failure(kind, failed.failure());
        };
    }

    private static CliException failure(NotifyChannelKind kind, DeliveryFailure failure) {
        return new CliException(
                ExitCode.NOTIFY_FAILED,
                "notify_" + failure.code().code(),
                "The " + kind.channelName() + " channel did not take the test message: "
                        + failure.code().code()
                        + ": " + failure.message()
                        + failure.requestId()
                                .map(id -> " (request id " + id + ")")
                                .orElse(""));
    }

    private static String configuredBy(NotifyChannelKind kind) {
        return switch (kind) {
            case EMAIL -> "set HUNTER_NOTIFY_EMAIL_TO, HUNTER_NOTIFY_EMAIL_FROM and HUNTER_NOTIFY_SMTP_HOST";
            case TEAMS -> "set HUNTER_NOTIFY_TEAMS_WEBHOOK_URL";
            case SLACK -> "set HUNTER_NOTIFY_SLACK_WEBHOOK_URL";
            case WEBHOOK -> "set HUNTER_NOTIFY_WEBHOOK_URL and HUNTER_NOTIFY_WEBHOOK_SECRET";
        };
    }
}
