package io.hunterreferrals.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED}: off by default, and on only with a URL Partner Center can call. */
class WebhookSettingsParserTest {

    @TempDir
    Path workingDir;

    private ParsedSettings load(Map<String, String> env) {
        return SettingsParser.load(env, workingDir);
    }

    @Test
    void offByDefault() {
        assertThat(load(Map.of()).orThrow().webhooks()).isEqualTo(WebhookSettings.OFF);
    }

    @Test
    void theEndpointIsThePublicUrlWithTheWebhookPathWhateverItsTrailingSlash() {
        WebhookSettings webhooks = load(Map.of(
                        "HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED", "true",
                        "HUNTER_PUBLIC_URL", "https://hunter.example.com/sales/"))
                .orThrow()
                .webhooks();

        assertThat(webhooks.enabled()).isTrue();
        assertThat(webhooks.url())
                .contains(URI.create("https://hunter.example.com/sales/api/v1/partner-center/webhooks"));
    }

    @Test
    void onWithoutAPublicUrlIsAProblemNamingTheFix() {
        assertThat(load(Map.of("HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED", "true"))
                        .problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.setting()).isEqualTo(Setting.PUBLIC_URL);
                    assertThat(p.fix()).contains("HUNTER_PUBLIC_URL").contains("WEBHOOKS_ENABLED=false");
                });
    }

    @Test
    void notABooleanIsAProblem() {
        assertThat(load(Map.of("HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED", "yes please"))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.setting()).isEqualTo(Setting.PARTNER_CENTER_WEBHOOKS_ENABLED));
    }

    @Test
    void productionNeedsAnHttpsPublicUrlForWebhooks() {
        Map<String, String> env = new HashMap<>(ProductionRulesTest.productionReady());
        env.put("HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED", "true");
        env.put("HUNTER_PUBLIC_URL", "http://hunter.example.com");

        assertThat(load(env).problems())
                .filteredOn(p -> p.setting() == Setting.PUBLIC_URL)
                .singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("not https"));

        env.put("HUNTER_PUBLIC_URL", "https://hunter.example.com");
        assertThat(load(env).problems()).isEmpty();
    }
}
