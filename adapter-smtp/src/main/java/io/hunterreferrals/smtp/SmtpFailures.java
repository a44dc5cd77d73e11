package io.hunterreferrals.smtp;

import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryFailure;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why a message was not sent, as a {@link DeliveryErrorCode} with what to do. Angus wraps the telling exception
 * ({@code MailConnectException} around a {@code ConnectException}, a {@code MessagingException} around an
 * {@code SSLHandshakeException}), so the whole chain is searched, the most specific reason first. An SMTP reply decides
 * by its class: 4xx is temporary (sent again), 5xx permanent.
 *
 * <p>No message quotes the relay's reply or an address (a reply may echo either): recipients are named by their place
 * in {@code HUNTER_NOTIFY_EMAIL_TO}, the password never.
 */
final class SmtpFailures {

    private SmtpFailures() {}

    static DeliveryFailure of(MessagingException error, SmtpConfig config) {
        String relay = "The SMTP relay " + config.target();
        if (error instanceof AuthenticationFailedException) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.UNAUTHORIZED,
                    relay + " refused the sign-in: check HUNTER_NOTIFY_SMTP_USER and HUNTER_NOTIFY_SMTP_PASSWORD"
                            + " (Microsoft 365 needs SMTP AUTH allowed for that mailbox)");
        }
        if (has(error, UnknownHostException.class)) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.DNS,
                    relay + " does not resolve: check HUNTER_NOTIFY_SMTP_HOST and this machine's DNS");
        }
        if (mentions(error, "STARTTLS is required")) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.TLS,
                    relay + " does not offer STARTTLS, which HUNTER_NOTIFY_SMTP_SECURITY=starttls requires: use the"
                            + " relay's submission port (587) or smtps (465); nothing was sent in clear text");
        }
        if (has(error, SSLException.class)) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.TLS,
                    "The TLS handshake with " + config.target() + " failed: check that HUNTER_NOTIFY_SMTP_SECURITY"
                            + " suits the port (smtps for 465, starttls for 587), that HUNTER_NOTIFY_SMTP_HOST is the"
                            + " name on the relay's certificate, and that this machine trusts it");
        }
        if (has(error, SocketTimeoutException.class)) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.TIMEOUT,
                    relay + " did not answer in time (connect "
                            + config.connectTimeout().toSeconds() + " s, read "
                            + config.readTimeout().toSeconds() + " s); it is sent again later");
        }
        if (has(error, ConnectException.class) || has(error, NoRouteToHostException.class)) {
            return DeliveryFailure.of(
                    DeliveryErrorCode.CONNECT,
                    "Nothing answers at " + config.target() + " (connection refused or unreachable): check"
                            + " HUNTER_NOTIFY_SMTP_HOST, HUNTER_NOTIFY_SMTP_PORT, the firewall and the network");
        }
        SMTPSenderFailedException sender = find(error, SMTPSenderFailedException.class);
        if (sender != null) {
            return reply(
                    sender.getReturnCode(),
                    relay + " refused the sender (" + sender.getReturnCode()
                            + "): check HUNTER_NOTIFY_EMAIL_FROM; the relay may allow the signed-in user's own address only");
        }
        SMTPAddressFailedException recipient = find(error, SMTPAddressFailedException.class);
        if (recipient != null || invalidAddresses(error) > 0) {
            int code = recipient != null ? recipient.getReturnCode() : returnCode(error);
            return reply(
                    code,
                    relay + " refused " + recipients(error, config) + (code > 0 ? " (" + code + ")" : "")
                            + ": check HUNTER_NOTIFY_EMAIL_TO; nothing was sent to anyone");
        }
        int code = returnCode(error);
        if (code > 0) {
            return reply(
                    code,
                    relay + " answered " + code
                            + (code >= 500
                                    ? ": it refuses this message; sending it again will not help"
                                    : ": a temporary failure; it is sent again later"));
        }
        return DeliveryFailure.of(
                DeliveryErrorCode.SERVER_ERROR,
                relay + " failed the session (" + error.getClass().getSimpleName() + "); it is sent again later");
    }

    /** 4xx: the relay asks to try again later; 5xx: it refuses for good. */
    private static DeliveryFailure reply(int code, String message) {
        return DeliveryFailure.of(
                code >= 400 && code < 500 ? DeliveryErrorCode.SERVER_ERROR : DeliveryErrorCode.REJECTED, message);
    }

    private static int invalidAddresses(MessagingException error) {
        SendFailedException failed = find(error, SendFailedException.class);
        return failed == null || failed.getInvalidAddresses() == null ? 0 : failed.getInvalidAddresses().length;
    }

    private static int returnCode(Throwable error) {
        SMTPSendFailedException send = find(error, SMTPSendFailedException.class);
        return send == null ? -1 : send.getReturnCode();
    }

    /** {@code recipients 2 and 3 of 3}: by place, since the addresses themselves stay out of messages. */
    private static String recipients(MessagingException error, SmtpConfig config) {
        SendFailedException failed = find(error, SendFailedException.class);
        Address[] invalid = failed == null ? null : failed.getInvalidAddresses();
        if (invalid == null || invalid.length == 0) {
            return "the recipients";
        }
        List<String> refused = List.of(invalid).stream()
                .map(a -> a.toString().toLowerCase(Locale.ROOT))
                .toList();
        StringBuilder places = new StringBuilder();
        for (int i = 0; i < config.to().size(); i++) {
            if (refused.contains(config.to().get(i).toLowerCase(Locale.ROOT))) {
                places.append(places.isEmpty() ? "" : ", ").append(i + 1);
            }
        }
        return places.isEmpty()
                ? invalid.length + " recipient(s)"
                : "recipient(s) " + places + " of " + config.to().size();
    }

    private static boolean mentions(Throwable error, String text) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        return find(error, type) != null;
    }

    /** The first of that type along the causes (a MessagingException's next exception is its cause). */
    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
