package io.hunterreferrals.app.config;

import io.hunterreferrals.core.notify.ChannelRule;
import io.hunterreferrals.core.notify.NotificationText.Language;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who hears about referral events, and how ({@code HUNTER_NOTIFY_*}, {@code HUNTER_PUBLIC_URL}). A channel is on when
 * its address is set; none set means no notifications (events are still written, and kept for the retention).
 *
 * @param language the language of every channel's messages
 * @param publicUrl the web UI's address people open, for the links to a referral's detail
 * @param retention how long settled events are kept
 * @param email the e-mail channel, when {@code HUNTER_NOTIFY_EMAIL_TO} is set
 * @param teams the Teams Workflows webhook URL
 * @param slack the Slack incoming webhook URL
 * @param webhook the signed webhook
 * @param rules each configured channel's rule
 */
public record NotifySettings(
        Language language,
        Optional<URI> publicUrl,
        Duration retention,
        Optional<Email> email,
        Optional<URI> teams,
        Optional<URI> slack,
        Optional<SignedWebhook> webhook,
        Map<NotifyChannelKind, ChannelRule> rules) {

    public static final NotifySettings OFF = new NotifySettings(
            Language.TR,
            Optional.empty(),
            Duration.ofDays(30),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of());

    /** How the SMTP connection is protected. */
    public enum SmtpSecurity {
        /** Plain connection upgraded with STARTTLS, which the relay must offer (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        SMTPS,
        /** No TLS: only to a relay on this machine. */
        NONE
    }

    /**
     * The e-mail channel.
     *
     * @param to the recipients
     * @param from the sender
     * @param host the SMTP relay
     * @param port its port
     * @param security how the connection is protected
     * @param user the SMTP user, when the relay wants authentication
     * @param password its password
     * @param digest when set, events are collected this long into one e-mail
     */
    public record Email(
            List<String> to,
            String from,
            String host,
            int port,
            SmtpSecurity security,
            Optional<String> user,
            Optional<String> password,
            Optional<Duration> digest) {

        public Email {
            to = List.copyOf(to);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(digest, "digest");
        }

        @Override
        public String toString() {
            return "Email[" + to.size() + " recipient(s), " + host + ":" + port + ", " + security + "]";
        }
    }

    /**
     * The signed webhook channel.
     *
     * @param url the receiver
     * @param secret the shared secret of the HMAC-SHA256 signature
     */
    public record SignedWebhook(URI url, String secret) {
        public SignedWebhook {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "SignedWebhook[****]";
        }
    }

    public NotifySettings {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(teams, "teams");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(webhook, "webhook");
        rules = rules.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(rules));
    }

    /** The channels that are configured, in a fixed order. */
    public Set<NotifyChannelKind> channels() {
        Set<NotifyChannelKind> on = java.util.EnumSet.noneOf(NotifyChannelKind.class);
        email.ifPresent(e -> on.add(NotifyChannelKind.EMAIL));
        teams.ifPresent(t -> on.add(NotifyChannelKind.TEAMS));
        slack.ifPresent(s -> on.add(NotifyChannelKind.SLACK));
        webhook.ifPresent(w -> on.add(NotifyChannelKind.WEBHOOK));
        return on;
    }

    /** A channel's rule: its own, or the one every channel shares. */
    public ChannelRule rule(NotifyChannelKind channel) {
        return rules.getOrDefault(channel, ChannelRule.DEFAULT);
    }

    @Override
    public String toString() {
        return "NotifySettings[channels=" + channels() + ", language=" + language.code() + "]";
    }
}
