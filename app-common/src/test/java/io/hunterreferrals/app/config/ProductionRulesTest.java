package io.hunterreferrals.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code HUNTER_ENVIRONMENT=production}: each rule fails on its own, with the variable named and a fix. */
class ProductionRulesTest {

    @TempDir
    Path workingDir;

    /** Settings that pass every production rule: a server on all interfaces with a key, an external database. */
    static Map<String, String> productionReady() {
        return Map.of(
                "HUNTER_ENVIRONMENT", "production",
                "HUNTER_HTTP_HOST", "0.0.0.0",
                "HUNTER_API_KEY", "k3y-of-at-least-16-chars",
                "HUNTER_DATABASE_URL", "jdbc:postgresql://db.internal:5432/hunter",
                "HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH", "/var/lib/hunter/token/token_cache");
    }

    @Test
    void productionReadySettingsPass() {
        ParsedSettings parsed = SettingsParser.load(productionReady(), workingDir);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.orThrow().environment()).isEqualTo(Environment.PRODUCTION);
    }

    @Test
    void theSameSettingsPassInDevelopmentWhateverTheyAre() {
        ParsedSettings parsed = SettingsParser.load(
                Map.of("HUNTER_HTTP_HOST", "127.0.0.1", "HUNTER_LOG_FORMAT", "console"), workingDir);

        assertThat(parsed.problems()).isEmpty();
    }

    @Test
    void anApiKeyIsRequiredBeyondLoopback() {
        assertThat(problems(without("HUNTER_API_KEY"))).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo(Setting.API_KEY);
            assertThat(p.describe()).contains("HUNTER_HTTP_HOST=0.0.0.0").contains("at least 16 characters");
        });
        assertThat(problems(with(without("HUNTER_API_KEY"), "HUNTER_HTTP_HOST", "127.0.0.1")))
                .isEmpty();
    }

    @Test
    void theEmbeddedDatabaseIsRefusedUnlessAllowed() {
        assertThat(problems(without("HUNTER_DATABASE_URL"))).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo(Setting.DATABASE_URL);
            assertThat(p.fix()).contains("HUNTER_DATABASE_ALLOW_EMBEDDED=true");
        });
        assertThat(problems(with(without("HUNTER_DATABASE_URL"), "HUNTER_DATABASE_ALLOW_EMBEDDED", "true")))
                .isEmpty();
        assertThat(problems(with(without("HUNTER_DATABASE_URL"), "HUNTER_DATABASE_ALLOW_EMBEDDED", "maybe")))
                .extracting(SettingProblem::setting)
                .containsExactlyInAnyOrder(Setting.DATABASE_ALLOW_EMBEDDED, Setting.DATABASE_URL);
    }

    @Test
    void theTokenCachePathMustBeAbsolute() {
        assertThat(problems(without("HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.setting()).isEqualTo(Setting.PARTNER_CENTER_TOKEN_CACHE_PATH);
                    assertThat(p.problem()).contains("'.token_cache'");
                    assertThat(p.fix()).contains("/var/lib/hunter/token/token_cache");
                });
        assertThat(problems(with(productionReady(), "HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH", "data/token_cache")))
                .extracting(SettingProblem::setting)
                .containsExactly(Setting.PARTNER_CENTER_TOKEN_CACHE_PATH);
    }

    @Test
    void logsAreJson() {
        assertThat(problems(with(productionReady(), "HUNTER_LOG_FORMAT", "console")))
                .extracting(SettingProblem::setting)
                .containsExactly(Setting.LOG_FORMAT);
        assertThat(problems(with(productionReady(), "HUNTER_LOG_FORMAT", "json")))
                .isEmpty();
    }

    @Test
    void theSimulatorIsRefused() {
        assertThat(problems(with(productionReady(), "HUNTER_PARTNER_CENTER_SIMULATOR_URL", "http://127.0.0.1:8081")))
                .extracting(SettingProblem::setting)
                .containsExactly(Setting.PARTNER_CENTER_SIMULATOR_URL);
    }

    @Test
    void everyFailingRuleIsListedAtOnce() {
        assertThat(problems(Map.of("HUNTER_ENVIRONMENT", "production", "HUNTER_HTTP_HOST", "0.0.0.0")))
                .extracting(SettingProblem::setting)
                .containsExactlyInAnyOrder(
                        Setting.API_KEY, Setting.DATABASE_URL, Setting.PARTNER_CENTER_TOKEN_CACHE_PATH);
    }

    @Test
    void aSimulatorUrlPointsTheSignInAndTheApiAtTheSimulator() {
        ParsedSettings parsed = SettingsParser.load(
                Map.of(
                        "HUNTER_PARTNER_CENTER_SIMULATOR_URL", "http://127.0.0.1:18081",
                        "HUNTER_PARTNER_CENTER_TENANT_ID", "aa72d1fe-d762-49f7-b721-c7611d0a6934"),
                workingDir);

        PartnerCenterSettings partnerCenter = parsed.orThrow().partnerCenter();
        assertThat(partnerCenter.simulatorUrl()).contains(URI.create("http://127.0.0.1:18081"));
        assertThat(partnerCenter.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:18081"));
        assertThat(partnerCenter.authority())
                .contains(URI.create("https://login.simulator.test/aa72d1fe-d762-49f7-b721-c7611d0a6934"));
        assertThat(parsed.notices()).anySatisfy(n -> assertThat(n).contains("SIMULATED"));
    }

    @Test
    void aSimulatorUrlMustBePlainHttpOnLoopback() {
        for (String url : new String[] {"http://10.1.2.3:8081", "https://127.0.0.1:8081", "127.0.0.1:8081"}) {
            assertThat(SettingsParser.load(Map.of("HUNTER_PARTNER_CENTER_SIMULATOR_URL", url), workingDir)
                            .problems())
                    .as(url)
                    .extracting(SettingProblem::setting)
                    .containsExactly(Setting.PARTNER_CENTER_SIMULATOR_URL);
        }
    }

    private java.util.List<SettingProblem> problems(Map<String, String> environment) {
        return SettingsParser.load(environment, workingDir).problems();
    }

    private static Map<String, String> without(String variable) {
        Map<String, String> env = new HashMap<>(productionReady());
        env.remove(variable);
        return env;
    }

    private static Map<String, String> with(Map<String, String> base, String variable, String value) {
        Map<String, String> env = new HashMap<>(base);
        env.put(variable, value);
        return env;
    }
}
