package io.hunterreferrals.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.notify.NotificationText.Language;
import io.hunterreferrals.core.testing.TestNotifications;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every way of not delivering, against real servers where one can be had, and Angus' own exceptions otherwise. */
class SmtpFailuresTest {

    private static final String PASSWORD = "c0rrect-h0rse";
    private static final List<String> TO = List.of("sales@example.com", "nobody@example.com", "ops@example.com");

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("hunter@example.com", "hunter", PASSWORD))
            .withPerMethodLifecycle(true);

    private SmtpConfig config(String host, int port, SmtpSecurity security) {
        return SmtpConfig.of(host, port, security, "hunter@example.com", TO, Language.EN)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private SmtpConfig local(SmtpSecurity security) {
        return config("127.0.0.1", greenMail.getSmtp().getPort(), security);
    }

    private static DeliveryResult send(SmtpConfig config) {
        return new SmtpNotificationChannel(config).deliver(List.of(TestNotifications.created("ref-1")));
    }

    private static DeliveryFailure failure(DeliveryResult result) {
        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        DeliveryFailure failure = ((DeliveryResult.Failed) result).failure();
        assertThat(failure.message()).doesNotContain(PASSWORD, "wrong-password", "sales@", "nobody@", "hunter@");
        return failure;
    }

    @Test
    void theRightPasswordSendsAndAWrongOneIsUnauthorized() {
        assertThat(send(local(SmtpSecurity.NONE).withAuth("hunter", PASSWORD)))
                .isInstanceOf(DeliveryResult.Delivered.class);

        DeliveryFailure failure = failure(send(local(SmtpSecurity.NONE).withAuth("hunter", "wrong-password")));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.UNAUTHORIZED);
        assertThat(failure.message()).contains("refused the sign-in", "HUNTER_NOTIFY_SMTP_PASSWORD");
    }

    @Test
    void starttlsRequiredAgainstARelayWithoutItSendsNothing() {
        DeliveryFailure failure = failure(send(local(SmtpSecurity.STARTTLS_REQUIRED)));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.TLS);
        assertThat(failure.message()).contains("STARTTLS");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsOptionalFallsBackToPlainOnARelayWithoutIt() {
        assertThat(send(local(SmtpSecurity.STARTTLS_OPTIONAL))).isInstanceOf(DeliveryResult.Delivered.class);
    }

    @Test
    void smtpsAgainstAPlainPortIsTls() {
        DeliveryFailure failure = failure(send(local(SmtpSecurity.SMTPS)));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.TLS);
        assertThat(failure.message()).contains("TLS handshake", "smtps for 465");
    }

    @Test
    void aClosedPortIsConnect() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        DeliveryFailure failure = failure(send(config("127.0.0.1", port, SmtpSecurity.NONE)));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.CONNECT);
        assertThat(failure.message()).contains("127.0.0.1:" + port, "HUNTER_NOTIFY_SMTP_PORT");
    }

    @Test
    void anUnknownHostIsDns() {
        DeliveryFailure failure = failure(send(config("nonexistent.invalid", 587, SmtpSecurity.STARTTLS_REQUIRED)));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.DNS);
        assertThat(failure.message()).contains("nonexistent.invalid:587", "HUNTER_NOTIFY_SMTP_HOST");
    }

    @Test
    void aRelayThatNeverGreetsIsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept(); // and never says 220
                } catch (IOException e) {
                    return null;
                }
            });
            SmtpConfig impatient = config("127.0.0.1", silent.getLocalPort(), SmtpSecurity.NONE)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));

            DeliveryFailure failure = failure(send(impatient));

            assertThat(failure.code()).isEqualTo(DeliveryErrorCode.TIMEOUT);
            assertThat(failure.message()).contains("did not answer in time");
            Socket socket = accepted.get();
            if (socket != null) {
                socket.close();
            }
        }
    }

    // --- replies GreenMail never gives: Angus' exceptions as its SMTPTransport throws them ---------------------------

    private static SendFailedException invalid(int code, String address) throws Exception {
        InternetAddress bad = new InternetAddress(address);
        SMTPAddressFailedException rcpt = new SMTPAddressFailedException(bad, "RCPT TO", code, code + " no such user");
        return new SendFailedException("Invalid Addresses", rcpt, new Address[0], new Address[0], new Address[] {bad});
    }

    @Test
    void aRecipientRefusedFor5xxIsRejectedAndNamedByItsPlace() throws Exception {
        DeliveryFailure failure = SmtpFailures.of(
                invalid(550, "nobody@example.com"), config("smtp.example.com", 587, SmtpSecurity.STARTTLS_REQUIRED));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.REJECTED);
        assertThat(failure.message())
                .isEqualTo("The SMTP relay smtp.example.com:587 refused recipient(s) 2 of 3 (550): check"
                        + " HUNTER_NOTIFY_EMAIL_TO; nothing was sent to anyone");
    }

    @Test
    void aRecipientRefusedFor4xxIsTriedAgain() throws Exception {
        DeliveryFailure failure = failure(new DeliveryResult.Failed(SmtpFailures.of(
                invalid(451, "ops@example.com"), config("smtp.example.com", 587, SmtpSecurity.STARTTLS_REQUIRED))));

        assertThat(failure.code()).isEqualTo(DeliveryErrorCode.SERVER_ERROR);
        assertThat(failure.code().retryable()).isTrue();
        assertThat(failure.message()).contains("recipient(s) 3 of 3 (451)");
    }

    @Test
    void aRefusedSenderOrMessageDecidesByTheReplysClass() throws Exception {
        SmtpConfig config = config("smtp.example.com", 587, SmtpSecurity.STARTTLS_REQUIRED);
        MessagingException sender = new SMTPSenderFailedException(
                new InternetAddress("hunter@example.com"), "MAIL FROM", 553, "553 sender not allowed");
        MessagingException tooLarge = new SMTPSendFailedException(
                "DATA", 552, "552 message too large", null, new Address[0], new Address[0], new Address[0]);
        MessagingException busy = new SMTPSendFailedException(
                "DATA", 421, "421 try later", null, new Address[0], new Address[0], new Address[0]);

        assertThat(SmtpFailures.of(sender, config).code()).isEqualTo(DeliveryErrorCode.REJECTED);
        assertThat(SmtpFailures.of(sender, config).message()).contains("HUNTER_NOTIFY_EMAIL_FROM");
        assertThat(SmtpFailures.of(tooLarge, config).code()).isEqualTo(DeliveryErrorCode.REJECTED);
        assertThat(SmtpFailures.of(tooLarge, config).message())
                .contains("answered 552")
                .doesNotContain("too large");
        assertThat(SmtpFailures.of(busy, config).code()).isEqualTo(DeliveryErrorCode.SERVER_ERROR);
        assertThat(SmtpFailures.of(new MessagingException("odd"), config).code())
                .isEqualTo(DeliveryErrorCode.SERVER_ERROR);
    }
}
