package io.hunterreferrals.smtp;

import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.NotificationChannel;
import io.hunterreferrals.core.notify.NotificationText;
import io.hunterreferrals.core.redaction.Redaction;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The {@code email} channel: each notification (or, with a digest, each window's notifications) as one
 * multipart/alternative message, plain text and HTML ({@link MailBody}), to every recipient, over one SMTP session.
 *
 * <p>Idempotency: the {@code Message-ID} is derived from the event id ({@code <id.hunter@sender-domain>}; a digest's
 * from its event ids), and every event id is in an {@code X-Hunter-Event-Id} header, so a message sent twice (delivery
 * is at least once) can be recognised by the mail system or a person. {@code Auto-Submitted: auto-generated} keeps
 * out-of-office replies away.
 */
public final class SmtpNotificationChannel implements NotificationChannel {

    public static final String NAME = "email";

    /** An SMTP reply may name an address ({@code 250 2.1.5 <a@b> ok}); the delivery record keeps it masked. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+");

    private final SmtpConfig config;
    private final NotificationText text;
    private final Session session;
    private final Clock clock;

    public SmtpNotificationChannel(SmtpConfig config) {
        this(config, Clock.systemUTC());
    }

    SmtpNotificationChannel(SmtpConfig config, Clock clock) {
        this.config = config;
        this.text = NotificationText.of(config.language());
        this.session = Session.getInstance(SmtpSessions.properties(config));
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@code smtp.example.com:587}: no user, no password. */
    @Override
    public String target() {
        return config.target();
    }

    @Override
    public Optional<Duration> digest() {
        return config.digest();
    }

    /**
     * Sends one message: of the one notification, or of all of them when the channel collects a digest.
     *
     * @throws IllegalArgumentException for no notification, or several without a digest (a wiring mistake)
     */
    @Override
    public DeliveryResult deliver(List<Notification> notifications) {
        if (notifications.isEmpty()
                || (notifications.size() > 1 && config.digest().isEmpty())) {
            throw new IllegalArgumentException("The email channel sends one notification per message unless it collects"
                    + " a digest; was given " + notifications.size());
        }
        Transport transport = null;
        try {
            MimeMessage message = message(notifications);
            transport = session.getTransport(SmtpSessions.protocol(config));
            transport.connect(
                    config.host(),
                    config.port(),
                    config.user().orElse(null),
                    config.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
            return new DeliveryResult.Delivered(detail(transport));
        } catch (MessagingException e) {
            return new DeliveryResult.Failed(SmtpFailures.of(e, config));
        } finally {
            close(transport);
        }
    }

    /** After the relay took the message, a failed QUIT must not make it a failure (and a duplicate on retry). */
    private static void close(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // the message was taken, or the failure that matters is already being reported
        }
    }

    private MimeMessage message(List<Notification> notifications) throws MessagingException {
        MailBody body = MailBody.of(notifications, text);
        MimeMessage message = new IdentifiedMessage(session, messageId(notifications));
        message.setFrom(new InternetAddress(config.from()));
        for (String to : config.to()) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        message.setSubject(body.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", text.language().code());
        message.setHeader("Auto-Submitted", "auto-generated");
        for (Notification n : notifications) {
            message.addHeader("X-Hunter-Event-Id", n.event().id().toString());
        }
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(body.plain(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(body.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain); // the last part is the one clients prefer: HTML
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** {@code <event-id.hunter@domain>}; a digest's from a hash of its sorted event ids, the same on every retry. */
    private String messageId(List<Notification> notifications) {
        String domain =
                config.from().substring(config.from().lastIndexOf('@') + 1).replace(">", "");
        if (notifications.size() == 1) {
            return "<" + notifications.getFirst().event().id() + ".hunter@" + domain + ">";
        }
        String ids = String.join(
                ",",
                notifications.stream()
                        .map(n -> n.event().id().toString())
                        .sorted()
                        .toList());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(ids.getBytes(StandardCharsets.US_ASCII));
            return "<digest-" + HexFormat.of().formatHex(hash, 0, 16) + ".hunter@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What the relay said to the message, {@code 250 2.0.0 Ok: queued as 4ABC}, addresses masked. */
    private static String detail(Transport transport) {
        if (transport instanceof SMTPTransport smtp && smtp.getLastServerResponse() != null) {
            String reply =
                    ADDRESS.matcher(smtp.getLastServerResponse().strip()).replaceAll(m -> Redaction.email(m.group()));
            return reply.length() <= 200 ? reply : reply.substring(0, 200) + "…";
        }
        return "250";
    }

    /** A message whose Message-ID is ours: Jakarta Mail would otherwise make a new random one on every save. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    @Override
    public String toString() {
        return "SmtpNotificationChannel[" + target() + "]";
    }
}
