package io.hunterreferrals.app.wiring;

import io.hunterreferrals.app.config.NotifyChannelKind;
import io.hunterreferrals.app.config.NotifySettings;
import io.hunterreferrals.core.notify.DeliverNotifications;
import io.hunterreferrals.core.notify.DeliverNotifications.RoutedChannel;
import io.hunterreferrals.core.notify.DeliveryListener;
import io.hunterreferrals.core.notify.EventLinks;
import io.hunterreferrals.core.notify.NotificationChannel;
import io.hunterreferrals.core.notify.Outbox;
import io.hunterreferrals.core.notify.RetryPolicy;
import io.hunterreferrals.smtp.SmtpConfig;
import io.hunterreferrals.smtp.SmtpNotificationChannel;
import io.hunterreferrals.smtp.SmtpSecurity;
import io.hunterreferrals.webhook.SignedWebhookChannel;
import io.hunterreferrals.webhook.SignedWebhookConfig;
import io.hunterreferrals.webhook.SlackWebhookChannel;
import io.hunterreferrals.webhook.SlackWebhookConfig;
import io.hunterreferrals.webhook.TeamsWorkflowChannel;
import io.hunterreferrals.webhook.TeamsWorkflowConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds the configured notification channels and the delivery worker, for the server, the CLI and the demo. */
public final class NotifyWiring {

    private NotifyWiring() {}

    /** The configured channels by kind, in a fixed order; empty when none is set. */
    public static Map<NotifyChannelKind, NotificationChannel> channels(NotifySettings settings) {
        Map<NotifyChannelKind, NotificationChannel> channels = new EnumMap<>(NotifyChannelKind.class);
        settings.email().ifPresent(e -> channels.put(NotifyChannelKind.EMAIL, email(settings, e)));
        settings.teams()
                .ifPresent(url -> channels.put(
                        NotifyChannelKind.TEAMS,
                        new TeamsWorkflowChannel(new TeamsWorkflowConfig(url, settings.language()))));
        settings.slack()
                .ifPresent(url -> channels.put(
                        NotifyChannelKind.SLACK,
                        new SlackWebhookChannel(new SlackWebhookConfig(url, settings.language()))));
        settings.webhook()
                .ifPresent(w -> channels.put(
                        NotifyChannelKind.WEBHOOK,
                        new SignedWebhookChannel(new SignedWebhookConfig(w.url(), w.secret()))));
        channels.forEach((kind, channel) -> {
            if (!kind.channelName().equals(channel.name())) {
                throw new IllegalStateException(
                        "The " + kind + " channel calls itself " + channel.name() + ": the names must agree");
            }
        });
        return channels;
    }

    /**
     * The delivery worker over the configured channels, each with its rule. With no channel it still routes events (to
     * nothing) and purges them after the retention, so the outbox does not grow; a channel configured later hears of
     * what happens from then on.
     */
    public static DeliverNotifications worker(
            NotifySettings settings, Outbox outbox, DeliveryListener listener, Clock clock) {
        List<RoutedChannel> routed = new ArrayList<>();
        channels(settings).forEach((kind, channel) -> routed.add(new RoutedChannel(channel, settings.rule(kind))));
        return new DeliverNotifications(outbox, routed, RetryPolicy.DEFAULT, links(settings), clock, listener);
    }

    public static EventLinks links(NotifySettings settings) {
        return new EventLinks(settings.publicUrl().map(Object::toString));
    }

    private static NotificationChannel email(NotifySettings settings, NotifySettings.Email email) {
        SmtpConfig config = SmtpConfig.of(
                email.host(), email.port(), security(email.security()), email.from(), email.to(), settings.language());
        if (email.user().isPresent()) {
            config = config.withAuth(email.user().get(), email.password().orElse(""));
        }
        if (email.digest().isPresent()) {
            config = config.withDigest(email.digest().get());
        }
        return new SmtpNotificationChannel(config);
    }

    private static SmtpSecurity security(NotifySettings.SmtpSecurity security) {
        return switch (security) {
            case STARTTLS -> SmtpSecurity.STARTTLS_REQUIRED;
            case SMTPS -> SmtpSecurity.SMTPS;
            case NONE -> SmtpSecurity.NONE;
        };
    }
}
