package io.hunterreferrals.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.app.config.NotifySettings.SmtpSecurity;
import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.notify.ChannelRule;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.NotificationText.Language;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifySettingsParserTest {

    private static final String SLACK = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX";
    private static final String TEAMS =
            "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=SECRETSIG";
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path workingDir;

    private ParsedSettings load(Map<String, String> env) {
        return SettingsParser.load(env, workingDir);
    }

    private static Map<String, String> email() {
        Map<String, String> env = new HashMap<>();
        env.put("HUNTER_NOTIFY_EMAIL_TO", "satis@example.com, ops@example.com");
        env.put("HUNTER_NOTIFY_EMAIL_FROM", "hunter@example.com");
        env.put("HUNTER_NOTIFY_SMTP_HOST", "smtp.office365.com");
        env.put("HUNTER_NOTIFY_SMTP_USER", "hunter@example.com");
        env.put("HUNTER_NOTIFY_SMTP_PASSWORD", "p@ss word");
        return env;
    }

    @Test
    void noChannelByDefaultAndTheDefaultRuleIsNewCoSellReferralsAndFailedSyncs() {
        NotifySettings notify = load(Map.of()).orThrow().notifications();

        assertThat(notify.channels()).isEmpty();
        assertThat(notify.language()).isEqualTo(Language.TR);
        assertThat(notify.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(notify.rule(NotifyChannelKind.EMAIL)).isEqualTo(ChannelRule.DEFAULT);
    }

    @Test
    void readsEveryChannelAndMasksTheirSecretsWhereverShown() {
        Map<String, String> env = email();
        env.put("HUNTER_NOTIFY_TEAMS_WEBHOOK_URL", TEAMS);
        env.put("HUNTER_NOTIFY_SLACK_WEBHOOK_URL", SLACK);
        env.put("HUNTER_NOTIFY_WEBHOOK_URL", "http://127.0.0.1:9999/hooks/hunter");
        env.put("HUNTER_NOTIFY_WEBHOOK_SECRET", SECRET);
        env.put("HUNTER_PUBLIC_URL", "https://hunter.example.com/");
        env.put("HUNTER_NOTIFY_LANGUAGE", "EN");
        env.put("HUNTER_NOTIFY_EMAIL_DIGEST_MINUTES", "15");

        ParsedSettings parsed = load(env);
        NotifySettings notify = parsed.orThrow().notifications();

        assertThat(notify.channels())
                .containsExactly(
                        NotifyChannelKind.EMAIL,
                        NotifyChannelKind.TEAMS,
                        NotifyChannelKind.SLACK,
                        NotifyChannelKind.WEBHOOK);
        NotifySettings.Email mail = notify.email().orElseThrow();
        assertThat(mail.to()).containsExactly("satis@example.com", "ops@example.com");
        assertThat(mail.port()).isEqualTo(587);
        assertThat(mail.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(mail.password()).contains("p@ss word");
        assertThat(mail.digest()).contains(Duration.ofMinutes(15));
        assertThat(notify.language()).isEqualTo(Language.EN);
        assertThat(notify.publicUrl()).contains(URI.create("https://hunter.example.com/"));
        assertThat(notify.webhook().orElseThrow().secret()).isEqualTo(SECRET);
        assertThat(notify.toString() + mail + notify.webhook().get()).doesNotContain("p@ss", SECRET, "satis@");
        assertThat(parsed.raw().get(Setting.NOTIFY_SLACK_WEBHOOK_URL).display())
                .isEqualTo("https://hooks.slack.com/\u2026");
        assertThat(parsed.raw().get(Setting.NOTIFY_TEAMS_WEBHOOK_URL).display())
                .doesNotContain("SECRETSIG")
                .doesNotContain("workflows");
        assertThat(parsed.raw().get(Setting.NOTIFY_WEBHOOK_SECRET).display()).doesNotContain(SECRET);
        assertThat(parsed.raw().get(Setting.NOTIFY_SMTP_PASSWORD).display()).doesNotContain("p@ss");
    }

    @Test
    void aChannelsOwnRuleOverridesThePartsItNames() {
        Map<String, String> env = new HashMap<>();
        env.put("HUNTER_NOTIFY_SLACK_WEBHOOK_URL", SLACK);
        env.put("HUNTER_NOTIFY_TEAMS_WEBHOOK_URL", TEAMS);
        env.put("HUNTER_NOTIFY_TYPES", "co-sell,marketplace");
        env.put("HUNTER_NOTIFY_SLACK_RULE", "events=referral.created, referral.status_changed; statuses=New,Active");

        NotifySettings notify = load(env).orThrow().notifications();

        assertThat(notify.rule(NotifyChannelKind.SLACK))
                .isEqualTo(new ChannelRule(
                        Set.of(EventType.REFERRAL_CREATED, EventType.REFERRAL_STATUS_CHANGED),
                        Set.of(ReferralCategory.CO_SELL, ReferralCategory.MARKETPLACE),
                        Set.of("new", "active")));
        assertThat(notify.rule(NotifyChannelKind.TEAMS))
                .isEqualTo(new ChannelRule(
                        Set.of(EventType.REFERRAL_CREATED, EventType.SYNC_FAILED),
                        Set.of(ReferralCategory.CO_SELL, ReferralCategory.MARKETPLACE),
                        Set.of()));
    }

    @Test
    void badValuesAreProblemsThatSayWhatToDo() {
        Map<String, String> env = new HashMap<>();
        env.put("HUNTER_NOTIFY_EMAIL_TO", "Satış Ekibi");
        env.put("HUNTER_NOTIFY_SMTP_HOST", "smtp.example.com");
        env.put("HUNTER_NOTIFY_SMTP_SECURITY", "none");
        env.put("HUNTER_NOTIFY_SMTP_USER", "hunter");
        env.put("HUNTER_NOTIFY_SLACK_WEBHOOK_URL", "http://hooks.slack.com/services/T/B/sLaCkToKeN");
        env.put("HUNTER_NOTIFY_WEBHOOK_URL", "https://receiver.example.com/hook");
        env.put("HUNTER_NOTIFY_WEBHOOK_SECRET", "tiny-secret");
        env.put("HUNTER_NOTIFY_EVENTS", "referral.created,referral.deleted");
        env.put("HUNTER_NOTIFY_TEAMS_RULE", "kinds=co-sell");

        ParsedSettings parsed = load(env);

        assertThat(parsed.problems())
                .extracting(SettingProblem::setting)
                .containsExactlyInAnyOrder(
                        Setting.NOTIFY_EMAIL_TO,
                        Setting.NOTIFY_EMAIL_FROM,
                        Setting.NOTIFY_SMTP_SECURITY,
                        Setting.NOTIFY_SMTP_PASSWORD,
                        Setting.NOTIFY_SLACK_WEBHOOK_URL,
                        Setting.NOTIFY_WEBHOOK_SECRET,
                        Setting.NOTIFY_EVENTS,
                        Setting.NOTIFY_TEAMS_RULE);
        assertThat(parsed.problems().toString())
                .doesNotContain("sLaCkToKeN")
                .doesNotContain("tiny-secret")
                .contains("referral.deleted")
                .contains("clear text");
    }

    @Test
    void aChannelWithoutThePublicUrlIsANoticeNotAProblem() {
        ParsedSettings parsed = load(Map.of("HUNTER_NOTIFY_SLACK_WEBHOOK_URL", SLACK));

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.notices()).anyMatch(n -> n.contains("HUNTER_PUBLIC_URL"));
    }
}
