package io.hunterreferrals.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.notify.NotificationText.Language;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpConfigTest {

    private static SmtpConfig config(SmtpSecurity security) {
        return SmtpConfig.of(
                "smtp.example.com", 587, security, "hunter@example.com", List.of("sales@example.com"), Language.TR);
    }

    @Test
    void theDefaultsAreTenAndThirtySecondsAndNoDigest() {
        SmtpConfig config = config(SmtpSecurity.STARTTLS_REQUIRED);

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.digest()).isEmpty();
        assertThat(config.target()).isEqualTo("smtp.example.com:587");
    }

    @Test
    void aUserNeedsAPasswordAndAPasswordNeedsTls() {
        assertThatThrownBy(() -> config(SmtpSecurity.STARTTLS_REQUIRED).withAuth("u", null))
                .hasMessageContaining("HUNTER_NOTIFY_SMTP_USER is set but HUNTER_NOTIFY_SMTP_PASSWORD is not");
        assertThatThrownBy(() -> config(SmtpSecurity.STARTTLS_REQUIRED).withAuth(null, "secret-pw"))
                .hasMessageContaining("HUNTER_NOTIFY_SMTP_PASSWORD is set but HUNTER_NOTIFY_SMTP_USER is not")
                .hasMessageNotContaining("secret-pw");
        assertThatThrownBy(() -> config(SmtpSecurity.STARTTLS_OPTIONAL).withAuth("u", "secret-pw"))
                .hasMessageContaining("starttls_optional would send the SMTP password to smtp.example.com in clear")
                .hasMessageNotContaining("secret-pw");
        assertThatThrownBy(() -> config(SmtpSecurity.NONE).withAuth("u", "secret-pw"))
                .hasMessageContaining("clear text");
        SmtpConfig.of("127.0.0.1", 25, SmtpSecurity.NONE, "a@example.com", List.of("b@example.com"), Language.EN)
                .withAuth("u", "pw");
        config(SmtpSecurity.SMTPS).withAuth("u", "pw");
    }

    @Test
    void addressesHostsPortsAndDurationsThatCannotWorkAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SmtpConfig.of(
                        "smtp.example.com", 587, SmtpSecurity.SMTPS, "not an address", List.of("a@b.c"), Language.EN))
                .hasMessageContaining("HUNTER_NOTIFY_EMAIL_FROM");
        assertThatThrownBy(() -> SmtpConfig.of(
                        "smtp.example.com", 587, SmtpSecurity.SMTPS, "a@b.c", List.of("ok@b.c", "x@"), Language.EN))
                .hasMessageContaining("HUNTER_NOTIFY_EMAIL_TO");
        assertThatThrownBy(() ->
                        SmtpConfig.of("smtp.example.com", 587, SmtpSecurity.SMTPS, "a@b.c", List.of(), Language.EN))
                .hasMessageContaining("at least one recipient");
        assertThatThrownBy(() -> SmtpConfig.of(
                        "smtps://smtp.example.com", 465, SmtpSecurity.SMTPS, "a@b.c", List.of("d@e.f"), Language.EN))
                .hasMessageContaining("HUNTER_NOTIFY_SMTP_HOST");
        assertThatThrownBy(() -> SmtpConfig.of(
                        "smtp.example.com", 0, SmtpSecurity.SMTPS, "a@b.c", List.of("d@e.f"), Language.EN))
                .hasMessageContaining("HUNTER_NOTIFY_SMTP_PORT");
        assertThatThrownBy(() -> config(SmtpSecurity.SMTPS).withDigest(Duration.ZERO))
                .hasMessageContaining("digest");
        assertThatThrownBy(() -> config(SmtpSecurity.SMTPS).withTimeouts(Duration.ofMinutes(5), null))
                .hasMessageContaining("at most 60 s");
    }

    @Test
    void toStringShowsNoPasswordUserOrAddress() {
        String shown = config(SmtpSecurity.STARTTLS_REQUIRED)
                .withAuth("hunter-user", "secret-pw")
                .toString();

        assertThat(shown)
                .doesNotContain("hunter-user", "secret-pw", "sales@", "hunter@")
                .contains("1 recipient");
    }

    @Test
    void eachSecurityModeBecomesAngusProperties() {
        Properties starttls = SmtpSessions.properties(config(SmtpSecurity.STARTTLS_REQUIRED));
        assertThat(starttls)
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "30000");
        assertThat(SmtpSessions.properties(config(SmtpSecurity.STARTTLS_OPTIONAL)))
                .containsEntry("mail.smtp.starttls.enable", "true")
                .doesNotContainKey("mail.smtp.starttls.required");
        Properties smtps = SmtpSessions.properties(config(SmtpSecurity.SMTPS));
        assertThat(SmtpSessions.protocol(config(SmtpSecurity.SMTPS))).isEqualTo("smtps");
        assertThat(smtps)
                .containsEntry("mail.smtps.ssl.enable", "true")
                .containsEntry("mail.smtps.ssl.checkserveridentity", "true");
        assertThat(SmtpSessions.properties(config(SmtpSecurity.NONE)))
                .containsEntry("mail.smtp.starttls.enable", "false");
    }

    @Test
    void htmlEscapesTheFiveCharacters() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }
}
