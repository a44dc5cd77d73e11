package io.hunterreferrals.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.notify.NotificationText.Language;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void httpsAnywhereAndHttpOnLoopbackAreAccepted() {
        assertThat(new SlackWebhookConfig(URI.create("https://hooks.slack.com/services/T/B/X"), Language.TR).timeouts())
                .isEqualTo(HttpTimeouts.DEFAULTS);
        new TeamsWorkflowConfig(URI.create("http://127.0.0.1:8099/flow"), Language.EN);
        new TeamsWorkflowConfig(URI.create("http://localhost:8099/flow"), Language.EN);
        new SignedWebhookConfig(URI.create("http://[::1]:8099/hook"), SECRET);
    }

    @Test
    void plainHttpToAnotherHostIsRefusedNamingTheSettingAndNotThePath() {
        assertThatThrownBy(() ->
                        new SlackWebhookConfig(URI.create("http://hooks.slack.com/services/T/B/XSECRET"), Language.EN))
                .hasMessageContaining("HUNTER_NOTIFY_SLACK_WEBHOOK_URL must use https://")
                .hasMessageContaining("http://hooks.slack.com/")
                .hasMessageNotContaining("XSECRET");
        assertThatThrownBy(() -> new TeamsWorkflowConfig(URI.create("http://10.0.0.1/flow"), Language.EN))
                .hasMessageContaining("HUNTER_NOTIFY_TEAMS_WEBHOOK_URL");
    }

    @Test
    void otherSchemesRelativeUrlsAndUserInfoAreRefused() {
        assertThatThrownBy(() -> new SignedWebhookConfig(URI.create("ftp://example.com/x"), SECRET))
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> new SignedWebhookConfig(URI.create("/relative/hook"), SECRET))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> new SignedWebhookConfig(URI.create("https://user:pw@example.com/x"), SECRET))
                .hasMessageContaining("user name or password")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> new SignedWebhookConfig(null, SECRET)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aShortSecretIsRefusedWithHowToMakeOne() {
        assertThatThrownBy(() -> new SignedWebhookConfig(URI.create("https://example.com/hook"), "short-secret"))
                .hasMessageContaining("HUNTER_NOTIFY_WEBHOOK_SECRET must be at least 32 characters (was 12)")
                .hasMessageContaining("openssl rand -hex 32")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void toStringShowsNeitherThePathNorTheSecret() {
        SignedWebhookConfig config = new SignedWebhookConfig(URI.create("https://example.com/hook/PATHSECRET"), SECRET);

        assertThat(config.toString()).doesNotContain("PATHSECRET", SECRET).contains("https://example.com/");
        assertThat(new SlackWebhookConfig(URI.create("https://hooks.slack.com/services/T/B/X1"), Language.EN)
                        .toString())
                .doesNotContain("X1");
    }

    @Test
    void timeoutsMustBePositiveAndEndWellInsideTheWorkersLease() {
        assertThatThrownBy(() -> new HttpTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new HttpTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(90)))
                .hasMessageContaining("at most 90 s");
        assertThat(HttpTimeouts.DEFAULTS.total()).isEqualTo(Duration.ofSeconds(40));
    }
}
