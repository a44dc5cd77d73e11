package io.hunterreferrals.smtp;

import io.hunterreferrals.core.notify.NotificationText.Language;
import io.hunterreferrals.core.redaction.Redaction;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The e-mail channel. Values come typed from the app's settings ({@code HUNTER_NOTIFY_SMTP_*},
 * {@code HUNTER_NOTIFY_EMAIL_*}); this record checks that they can work, saying which setting is wrong, and never shows
 * the password (nor a whole address: {@link Redaction#email}).
 *
 * @param host the SMTP relay ({@code HUNTER_NOTIFY_SMTP_HOST})
 * @param port its port, 587 for STARTTLS and 465 for SMTPS as a rule
 * @param security how the connection is protected
 * @param user the SMTP user, when the relay wants a sign-in; with {@code password}
 * @param password its password
 * @param from the sender address
 * @param to the recipients, one message to all of them
 * @param connectTimeout how long opening the connection (and the TLS handshake) may take
 * @param readTimeout how long each answer of the relay may take
 * @param digest when set, events are collected this long into one message
 * @param language the language of the messages
 */
public record SmtpConfig(
        String host,
        int port,
        SmtpSecurity security,
        Optional<String> user,
        Optional<String> password,
        String from,
        List<String> to,
        Duration connectTimeout,
        Duration readTimeout,
        Optional<Duration> digest,
        Language language) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** Each SMTP command waits at most this: a session of a few commands stays inside the worker's two-minute lease. */
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    static final Duration MAX_DIGEST = Duration.ofDays(1);

    public SmtpConfig {
        host = Objects.requireNonNull(host, "HUNTER_NOTIFY_SMTP_HOST").strip();
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._\\-\\[\\]:]+") || host.contains("://")) {
            throw new IllegalArgumentException(
                    "HUNTER_NOTIFY_SMTP_HOST must be a host name such as smtp.office365.com, without scheme or port");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("HUNTER_NOTIFY_SMTP_PORT must be 1 to 65535 (was " + port + ")");
        }
        Objects.requireNonNull(security, "HUNTER_NOTIFY_SMTP_SECURITY");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        user = user.map(String::strip).filter(u -> !u.isEmpty());
        password = password.filter(p -> !p.isEmpty());
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException(
                    user.isPresent()
                            ? "HUNTER_NOTIFY_SMTP_USER is set but HUNTER_NOTIFY_SMTP_PASSWORD is not: set both, or neither"
                            : "HUNTER_NOTIFY_SMTP_PASSWORD is set but HUNTER_NOTIFY_SMTP_USER is not: set both, or neither");
        }
        if (user.isPresent() && !security.alwaysEncrypted() && !isLoopback(host)) {
            throw new IllegalArgumentException(
                    "HUNTER_NOTIFY_SMTP_SECURITY=" + security.name().toLowerCase(java.util.Locale.ROOT)
                            + " would send the SMTP password to " + host + " in clear text: use starttls or smtps");
        }
        from = address(from, "HUNTER_NOTIFY_EMAIL_FROM");
        Objects.requireNonNull(to, "HUNTER_NOTIFY_EMAIL_TO");
        if (to.isEmpty()) {
            throw new IllegalArgumentException("HUNTER_NOTIFY_EMAIL_TO must name at least one recipient");
        }
        to = to.stream().map(a -> address(a, "HUNTER_NOTIFY_EMAIL_TO")).toList();
        connectTimeout = timeout(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout, "connect");
        readTimeout = timeout(readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout, "read");
        Objects.requireNonNull(digest, "digest");
        if (digest.isPresent() && (!digest.get().isPositive() || digest.get().compareTo(MAX_DIGEST) > 0)) {
            throw new IllegalArgumentException("the e-mail digest must be longer than 0 and at most a day (was "
                    + digest.get().toMinutes() + " minutes); leave it unset to send each event at once");
        }
        Objects.requireNonNull(language, "language");
    }

    /** No sign-in, the default timeouts, one message per event. */
    public static SmtpConfig of(
            String host, int port, SmtpSecurity security, String from, List<String> to, Language language) {
        return new SmtpConfig(
                host,
                port,
                security,
                Optional.empty(),
                Optional.empty(),
                from,
                to,
                null,
                null,
                Optional.empty(),
                language);
    }

    public SmtpConfig withAuth(String user, String password) {
        return new SmtpConfig(
                host,
                port,
                security,
                Optional.ofNullable(user),
                Optional.ofNullable(password),
                from,
                to,
                connectTimeout,
                readTimeout,
                digest,
                language);
    }

    public SmtpConfig withTimeouts(Duration connect, Duration read) {
        return new SmtpConfig(host, port, security, user, password, from, to, connect, read, digest, language);
    }

    public SmtpConfig withDigest(Duration window) {
        return new SmtpConfig(
                host,
                port,
                security,
                user,
                password,
                from,
                to,
                connectTimeout,
                readTimeout,
                Optional.of(window),
                language);
    }

    /** {@code smtp.example.com:587}: where it sends, with no user. */
    public String target() {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "SmtpConfig[" + target() + ", " + security + ", auth=" + (user.isPresent() ? "yes" : "no") + ", "
                + to.size() + " recipient(s), digest="
                + digest.map(d -> d.toMinutes() + " min").orElse("none")
                + ", language=" + language.code() + "]";
    }

    private static String address(String value, String setting) {
        Objects.requireNonNull(value, setting);
        try {
            InternetAddress address = new InternetAddress(value.strip(), true);
            address.validate();
            return address.toString();
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    setting + " holds '" + Redaction.email(value.strip()) + "', which is not an e-mail address");
        }
    }

    private static Duration timeout(Duration value, String which) {
        if (!value.isPositive() || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the SMTP " + which + " timeout must be more than 0 and at most "
                    + MAX_TIMEOUT.toSeconds() + " s (was " + value.toMillis() + " ms)");
        }
        return value;
    }

    /** Literal loopback addresses and localhost: no DNS answer can turn them into a remote host. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = host.startsWith("[") || host.contains(":") || host.matches("[0-9.]+");
        try {
            return literal && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
