package io.hunterreferrals.app.config;

import io.hunterreferrals.app.config.NotifySettings.Email;
import io.hunterreferrals.app.config.NotifySettings.SignedWebhook;
import io.hunterreferrals.app.config.NotifySettings.SmtpSecurity;
import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.notify.ChannelRule;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.NotificationText.Language;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code HUNTER_NOTIFY_*} and {@code HUNTER_PUBLIC_URL} into {@link NotifySettings}. */
final class NotifySettingsParser {

    /** Loose on purpose: the relay is the judge of an address; this catches a name or a typo'd separator. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@,;<>]+@[^\\s@,;<>]+\\.[^\\s@,;<>]+");

    private static final int MIN_SECRET_LENGTH = 32;

    private NotifySettingsParser() {}

    static NotifySettings parse(SettingReader read) {
        Language language = read.parsed(Setting.NOTIFY_LANGUAGE, Language::fromCode, "tr or en", Language.TR);
        Optional<URI> publicUrl = read.optional(
                Setting.PUBLIC_URL,
                NotifySettingsParser::publicUrl,
                "an http(s) URL without a query, such as https://hunter.example.com");
        Duration retention = Duration.ofDays(read.parsed(
                Setting.NOTIFY_RETENTION_DAYS,
                v -> SettingValues.inRange(Integer.parseInt(v), 1, 3650),
                "a whole number of days from 1 to 3650",
                30));
        Optional<Email> email = email(read);
        Optional<URI> teams = webhookUrl(read, Setting.NOTIFY_TEAMS_WEBHOOK_URL);
        Optional<URI> slack = webhookUrl(read, Setting.NOTIFY_SLACK_WEBHOOK_URL);
        Optional<SignedWebhook> webhook = signedWebhook(read);
        ChannelRule shared = new ChannelRule(
                events(read, Setting.NOTIFY_EVENTS, read.list(Setting.NOTIFY_EVENTS)),
                read.referralTypes(Setting.NOTIFY_TYPES, read.list(Setting.NOTIFY_TYPES)),
                Set.copyOf(read.list(Setting.NOTIFY_STATUSES)));
        Map<NotifyChannelKind, ChannelRule> rules = new EnumMap<>(NotifyChannelKind.class);
        for (NotifyChannelKind kind : NotifyChannelKind.values()) {
            rules.put(
                    kind,
                    read.text(kind.ruleSetting())
                            .map(r -> rule(read, kind.ruleSetting(), r, shared))
                            .orElse(shared));
        }
        NotifySettings settings =
                new NotifySettings(language, publicUrl, retention, email, teams, slack, webhook, rules);
        if (!settings.channels().isEmpty() && publicUrl.isEmpty()) {
            read.notice(Setting.PUBLIC_URL.variable() + " is not set: notifications link to Partner Center only, "
                    + "not to the referral in this product's web UI.");
        }
        return settings;
    }

    private static Optional<Email> email(SettingReader read) {
        List<String> to = read.list(Setting.NOTIFY_EMAIL_TO);
        if (to.isEmpty()) {
            return Optional.empty();
        }
        for (String address : to) {
            if (!ADDRESS.matcher(address).matches()) {
                read.problem(new SettingProblem(
                        Setting.NOTIFY_EMAIL_TO,
                        "holds '" + address + "', which is not an e-mail address",
                        "List addresses such as sales@example.com, separated by commas"));
            }
        }
        Optional<String> from = read.text(Setting.NOTIFY_EMAIL_FROM);
        if (from.isEmpty() || !ADDRESS.matcher(from.get()).matches()) {
            read.problem(new SettingProblem(
                    Setting.NOTIFY_EMAIL_FROM,
                    from.isEmpty() ? "is not set, and e-mail is on" : "'" + from.get() + "' is not an e-mail address",
                    "Set it to the address the relay lets this product send as, such as hunter@example.com"));
        }
        Optional<String> host = read.text(Setting.NOTIFY_SMTP_HOST);
        if (host.isEmpty()) {
            read.problem(new SettingProblem(
                    Setting.NOTIFY_SMTP_HOST,
                    "is not set, and e-mail is on",
                    "Set it to your SMTP relay, such as smtp.office365.com"));
        }
        SmtpSecurity security = read.parsed(
                Setting.NOTIFY_SMTP_SECURITY,
                v -> SmtpSecurity.valueOf(v.toUpperCase(Locale.ROOT)),
                "starttls, smtps or none",
                SmtpSecurity.STARTTLS);
        if (security == SmtpSecurity.NONE && host.isPresent() && !loopback(host.get())) {
            read.problem(new SettingProblem(
                    Setting.NOTIFY_SMTP_SECURITY,
                    "is none for " + host.get() + ", which is not this machine: the password and the referrals "
                            + "would cross the network in clear text",
                    "Use starttls (port 587) or smtps (port 465)"));
        }
        int port = read.parsed(
                Setting.NOTIFY_SMTP_PORT,
                v -> SettingValues.port(Integer.parseInt(v)),
                "a port number from 1 to 65535",
                security == SmtpSecurity.SMTPS ? 465 : 587);
        Optional<String> user = read.text(Setting.NOTIFY_SMTP_USER);
        Optional<String> password = read.secret(Setting.NOTIFY_SMTP_PASSWORD);
        if (user.isPresent() != password.isPresent()) {
            read.problem(new SettingProblem(
                    user.isPresent() ? Setting.NOTIFY_SMTP_PASSWORD : Setting.NOTIFY_SMTP_USER,
                    "is not set, but "
                            + (user.isPresent() ? Setting.NOTIFY_SMTP_USER : Setting.NOTIFY_SMTP_PASSWORD).variable()
                            + " is",
                    "Set both for a relay that wants a sign-in, or neither"));
        }
        int digestMinutes = read.parsed(
                Setting.NOTIFY_EMAIL_DIGEST_MINUTES,
                v -> SettingValues.inRange(Integer.parseInt(v), 0, 1440),
                "a whole number of minutes from 0 to 1440",
                0);
        return Optional.of(new Email(
                to,
                from.orElse(""),
                host.orElse(""),
                port,
                security,
                user,
                password,
                digestMinutes == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(digestMinutes))));
    }

    private static Optional<SignedWebhook> signedWebhook(SettingReader read) {
        Optional<URI> url = webhookUrl(read, Setting.NOTIFY_WEBHOOK_URL);
        Optional<String> secret = read.secret(Setting.NOTIFY_WEBHOOK_SECRET);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (secret.isEmpty() || secret.get().length() < MIN_SECRET_LENGTH) {
            read.problem(new SettingProblem(
                    Setting.NOTIFY_WEBHOOK_SECRET,
                    secret.isEmpty()
                            ? "is not set, and the signed webhook is on"
                            : "is " + secret.get().length() + " characters long, shorter than " + MIN_SECRET_LENGTH,
                    "Set it to a random value of at least " + MIN_SECRET_LENGTH
                            + " characters (openssl rand -hex 32) and give the receiver the same"));
            return Optional.empty();
        }
        return Optional.of(new SignedWebhook(url.get(), secret.get()));
    }

    /** https, or http to this machine (a receiver for a rehearsal or the demo). */
    private static Optional<URI> webhookUrl(SettingReader read, Setting setting) {
        return read.optional(
                setting,
                v -> {
                    URI uri = SettingValues.httpUrl(v);
                    if (!"https".equalsIgnoreCase(uri.getScheme()) && !loopback(uri.getHost())) {
                        throw new IllegalArgumentException("not https");
                    }
                    return uri;
                },
                "an https URL (http only to this machine)");
    }

    private static URI publicUrl(String value) {
        URI uri = SettingValues.httpUrl(value);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException(value);
        }
        return uri;
    }

    private static boolean loopback(String host) {
        try {
            return HttpSettings.isLoopbackOnly(host);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code events=a,b;types=c;statuses=} — a part left out takes the shared rule's. */
    private static ChannelRule rule(SettingReader read, Setting setting, String text, ChannelRule shared) {
        Set<EventType> events = shared.events();
        Set<ReferralCategory> types = shared.categories();
        Set<String> statuses = shared.statuses();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.strip() : part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            List<String> values = eq < 0
                    ? List.of()
                    : Arrays.stream(part.substring(eq + 1).split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
            switch (eq < 0 ? "" : key) {
                case "events" -> events = events(read, setting, values);
                case "types" -> types = read.referralTypes(setting, values);
                case "statuses" -> statuses = Set.copyOf(values);
                default ->
                    read.problem(new SettingProblem(
                            setting,
                            "has '" + part.strip() + "', which is not events=..., types=... or statuses=...",
                            "Write it as events=referral.created,sync.failed;types=co-sell;statuses=New"));
            }
        }
        return new ChannelRule(events, types, statuses);
    }

    private static Set<EventType> events(SettingReader read, Setting setting, List<String> names) {
        Set<EventType> events = new LinkedHashSet<>();
        for (String name : names) {
            try {
                events.add(EventType.fromWire(name.toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                read.problem(new SettingProblem(setting, e.getMessage(), "Use the event names listed for it"));
            }
        }
        return events;
    }
}
