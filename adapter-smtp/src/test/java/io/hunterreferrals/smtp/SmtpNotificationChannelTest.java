package io.hunterreferrals.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.hunterreferrals.core.notify.DeliveryResult;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.Notification;
import io.hunterreferrals.core.notify.NotificationText.Language;
import io.hunterreferrals.core.testing.TestNotifications;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The channel against a real SMTP server in this JVM (GreenMail): what arrives, and how it reads. */
class SmtpNotificationChannelTest {

    @RegisterExtension
    final GreenMailExtension greenMail =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

    private SmtpConfig config(Language language) {
        return SmtpConfig.of(
                "127.0.0.1",
                greenMail.getSmtp().getPort(),
                SmtpSecurity.NONE,
                "Hunter Referrals <hunter@example.com>",
                List.of("sales@example.com"),
                language);
    }

    private MimeMessage sendOne(Language language, Notification notification) {
        DeliveryResult result = new SmtpNotificationChannel(config(language)).deliver(List.of(notification));
        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(((DeliveryResult.Delivered) result).detail()).startsWith("250");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    /** The text/plain and text/html parts of a multipart/alternative message, in that order. */
    static String[] parts(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        BodyPart plain = multipart.getBodyPart(0);
        BodyPart html = multipart.getBodyPart(1);
        assertThat(plain.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        // SMTP sends CRLF line ends; the assertions read lines
        return new String[] {
            ((String) plain.getContent()).replace("\r\n", "\n"), ((String) html.getContent()).replace("\r\n", "\n")
        };
    }

    @Test
    void oneNotificationIsOneReadableMessageWithBothParts() throws Exception {
        UUID id = UUID.fromString("0b7a2c9e-1111-4222-8333-944455556666");
        MimeMessage message = sendOne(
                Language.EN,
                TestNotifications.notification(
                        id, TestNotifications.created("ref-1").event().event()));

        assertThat(message.getSubject()).isEqualTo("New co-sell referral: Contoso Ltd");
        assertThat(message.getFrom()[0].toString()).contains("hunter@example.com");
        assertThat(message.getHeader("Message-ID")[0]).isEqualTo("<" + id + ".hunter@example.com>");
        assertThat(message.getHeader("X-Hunter-Event-Id")).containsExactly(id.toString());
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String[] parts = parts(message);
        assertThat(parts[0])
                .startsWith("New co-sell referral: Contoso Ltd\n")
                .contains("Status: New\n", "Deal value: 12,500.00 EUR\n", "When: 2 May 2025 10:15 UTC\n")
                .contains("Open in Hunter: https://hunter.example.com/mini-ui/?tab=inbox&referral=ref-1\n")
                .contains("Open in Partner Center: https://")
                .contains("Event id: " + id)
                .contains("Sent by Hunter Referrals.");
        assertThat(parts[1])
                .contains("<html lang=\"en\">")
                .contains("<h2 style=")
                .contains(">Status</th><td style=\"padding:3px 0;\">New</td>")
                .contains("href=\"https://hunter.example.com/mini-ui/?tab=inbox&amp;referral=ref-1\"")
                .contains(">Open in Partner Center</a>")
                .doesNotContain("<style", "<link", "<script");
    }

    @Test
    void theMessageSpeaksTurkishWhenToldTo() throws Exception {
        MimeMessage message = sendOne(Language.TR, TestNotifications.statusChanged("ref-2"));

        assertThat(message.getSubject()).isEqualTo("Co-sell referral durumu değişti: Contoso Ltd");
        assertThat(message.getHeader("Content-Language")).containsExactly("tr");
        String[] parts = parts(message);
        assertThat(parts[0])
                .contains("Durum: New\n", "Fırsat değeri: 12.500,00 EUR\n", "Değişenler\nDurum: New → Active\n")
                .contains("Hunter'da aç: https://", "Olay numarası: ");
        assertThat(parts[1]).contains("<html lang=\"tr\">", ">Değişenler</h3>", "Hunter&#39;da aç</a>");
    }

    @Test
    void aHostileNameIsOnlyEscapedInTheHtmlPart() throws Exception {
        MimeMessage message = sendOne(Language.EN, TestNotifications.created("ref-3", TestNotifications.HOSTILE_NAME));

        String html = parts(message)[1];
        assertThat(html).doesNotContain("<script", "<img", "onerror=alert(1)>", "</a>&lt;");
        assertThat(html).contains("&lt;script&gt;alert(2)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).contains("&lt;!channel&gt;", "&amp; _it_");
        // its only links are the two core built
        assertThat(html.split("href=", -1)).hasSize(3);
        assertThat(message.getSubject()).isEqualTo("New co-sell referral: " + TestNotifications.HOSTILE_NAME);
    }

    @Test
    void aLineBreakInANameCannotAddAHeader() throws Exception {
        MimeMessage message =
                sendOne(Language.EN, TestNotifications.created("ref-4", "Evil\r\nBcc: victim@example.net\r\n\r\nbody"));

        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getSubject()).isEqualTo("New co-sell referral: Evil Bcc: victim@example.net body");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aTestMessageSaysSo() throws Exception {
        MimeMessage message = sendOne(
                Language.TR,
                TestNotifications.notification(new Event(
                        io.hunterreferrals.core.notify.EventType.TEST,
                        java.util.Optional.empty(),
                        List.of(),
                        java.util.Optional.empty())));

        assertThat(message.getSubject()).isEqualTo("Hunter Referrals test mesajı");
        assertThat(parts(message)[0]).contains("bildirimler bu kanala ulaşıyor");
    }

    @Test
    void everyRecipientGetsTheOneMessage() throws Exception {
        SmtpConfig two = new SmtpConfig(
                "127.0.0.1",
                greenMail.getSmtp().getPort(),
                SmtpSecurity.NONE,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                "hunter@example.com",
                List.of("sales@example.com", "ops@example.org"),
                null,
                null,
                java.util.Optional.empty(),
                Language.EN);

        new SmtpNotificationChannel(two).deliver(List.of(TestNotifications.created("ref-5")));

        // GreenMail keeps a copy per mailbox: one message, two recipients
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
        assertThat(received[0].getHeader("To")[0]).contains("sales@example.com", "ops@example.org");
    }

    @Test
    void aDigestOfThreeIsOneMessageListingThemAll() throws Exception {
        SmtpNotificationChannel channel =
                new SmtpNotificationChannel(config(Language.EN).withDigest(Duration.ofMinutes(15)));
        List<Notification> three = List.of(
                TestNotifications.created("ref-a", "Alpha A.Ş."),
                TestNotifications.statusChanged("ref-b"),
                TestNotifications.syncFailed());

        assertThat(channel.digest()).contains(Duration.ofMinutes(15));
        assertThat(channel.deliver(three)).isInstanceOf(DeliveryResult.Delivered.class);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("3 referral events");
        assertThat(received[0].getHeader("X-Hunter-Event-Id"))
                .containsExactlyInAnyOrderElementsOf(
                        three.stream().map(n -> n.event().id().toString()).toList());
        assertThat(received[0].getHeader("Message-ID")[0]).matches("<digest-[0-9a-f]{32}\\.hunter@example\\.com>");
        String[] parts = parts(received[0]);
        assertThat(parts[0])
                .startsWith("3 referral events\n")
                .contains("New co-sell referral: Alpha A.Ş.", "Co-sell referral status changed: Contoso Ltd")
                .contains("Partner Center sync failed", "Error code: sign_in_required", "Request id: req-0000-1111");
        assertThat(parts[1]).contains("<h1 ", "<hr ").containsPattern("(?s)(<h2 .*){3}");
    }

    @Test
    void aDigestSentAgainCarriesTheSameMessageId() throws Exception {
        SmtpNotificationChannel channel =
                new SmtpNotificationChannel(config(Language.EN).withDigest(Duration.ofMinutes(5)));
        Notification a = TestNotifications.created("ref-a");
        Notification b = TestNotifications.created("ref-b");

        channel.deliver(List.of(a, b));
        channel.deliver(List.of(b, a));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
    }

    @Test
    void withoutADigestSeveralNotificationsAreAWiringMistake() {
        SmtpNotificationChannel channel = new SmtpNotificationChannel(config(Language.EN));

        assertThat(channel.digest()).isEmpty();
        assertThatThrownBy(
                        () -> channel.deliver(List.of(TestNotifications.created("a"), TestNotifications.created("b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digest");
        assertThatThrownBy(() -> channel.deliver(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void theTargetIsHostAndPortOnly() {
        SmtpNotificationChannel channel =
                new SmtpNotificationChannel(config(Language.EN).withAuth("hunter-user", "p4ssw0rd!"));

        assertThat(channel.name()).isEqualTo("email");
        assertThat(channel.target())
                .isEqualTo("127.0.0.1:" + greenMail.getSmtp().getPort());
        assertThat(channel.targetKey()).isEqualTo(channel.target());
        assertThat(channel.toString()).doesNotContain("hunter-user", "p4ssw0rd!", "sales@");
    }
}
