package io.hunterreferrals.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.classification.ReferralCategory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamicsSettingsParserTest {

    private static final String CLIENT_ID = "1475ed28-175a-45f1-a299-e811147ad068";
    private static final String TENANT_ID = "aa72d1fe-d762-49f7-b721-c7611d0a6934";
    private static final String SECRET = "s3cr3t~value.with#odd/chars";

    @TempDir
    Path workingDir;

    @Test
    void offByDefaultAndSaysWhatAPushNeeds() {
        DynamicsSettings dynamics =
                SettingsParser.load(Map.of(), workingDir).orThrow().dynamics();

        assertThat(dynamics.enabled()).isFalse();
        assertThat(dynamics.columnPrefix()).isEqualTo("hnt");
        assertThat(dynamics.batchSize()).isEqualTo(10);
        assertThat(dynamics.maxAttempts()).isEqualTo(5);
        assertThat(dynamics.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(dynamics.filter().types()).isEmpty();
        assertThat(dynamics.readinessProblems())
                .extracting(SettingProblem::setting)
                .containsExactly(
                        Setting.DYNAMICS_ENABLED,
                        Setting.DYNAMICS_URL,
                        Setting.DYNAMICS_TENANT_ID,
                        Setting.DYNAMICS_CLIENT_ID,
                        Setting.DYNAMICS_CLIENT_SECRET);
    }

    @Test
    void readsACompleteConfigurationAndKeepsTheSecretOutOfToString() {
        Map<String, String> env = complete();
        env.put("HUNTER_DYNAMICS_PUSH_TYPES", "co-sell, Unclassified");
        env.put("HUNTER_DYNAMICS_PUSH_STATUSES", "New,Active");
        env.put("HUNTER_DYNAMICS_COLUMN_PREFIX", "Abc1");
        env.put("HUNTER_DYNAMICS_BATCH_SIZE", "50");

        DynamicsSettings dynamics =
                SettingsParser.load(env, workingDir).orThrow().dynamics();

        assertThat(dynamics.readinessProblems()).isEmpty();
        assertThat(dynamics.environmentUrl()).contains(URI.create("https://contoso.crm4.dynamics.com"));
        assertThat(dynamics.scope()).contains("https://contoso.crm4.dynamics.com/.default");
        assertThat(dynamics.clientSecret()).contains(SECRET);
        assertThat(dynamics.columnPrefix()).isEqualTo("abc1");
        assertThat(dynamics.batchSize()).isEqualTo(50);
        assertThat(dynamics.filter().types())
                .containsExactlyInAnyOrder(ReferralCategory.CO_SELL, ReferralCategory.UNKNOWN);
        assertThat(dynamics.filter().statuses()).containsExactlyInAnyOrder("New", "Active");
        assertThat(dynamics.toString()).doesNotContain(SECRET).contains("clientSecret=**** (");
        assertThat(SettingsParser.load(env, workingDir)
                        .raw()
                        .get(Setting.DYNAMICS_CLIENT_SECRET)
                        .display())
                .doesNotContain(SECRET);
    }

    @Test
    void aCertificateIsResolvedFromTheWorkingDirectoryButNotTogetherWithASecret() {
        Map<String, String> env = complete();
        env.remove("HUNTER_DYNAMICS_CLIENT_SECRET");
        env.put("HUNTER_DYNAMICS_CERTIFICATE_PATH", "certs/hunter.pfx");

        assertThat(SettingsParser.load(env, workingDir).orThrow().dynamics().certificatePath())
                .contains(workingDir.resolve("certs/hunter.pfx").toAbsolutePath());

        env.put("HUNTER_DYNAMICS_CLIENT_SECRET", SECRET);
        assertThat(SettingsParser.load(env, workingDir).problems())
                .extracting(SettingProblem::setting)
                .containsExactly(Setting.DYNAMICS_CERTIFICATE_PATH);
    }

    @Test
    void malformedValuesAreProblemsThatSayWhatIsExpected() {
        Map<String, String> env = complete();
        env.put("HUNTER_DYNAMICS_URL", "https://contoso.crm4.dynamics.com/main.aspx?appid=1");
        env.put("HUNTER_DYNAMICS_COLUMN_PREFIX", "mscrmx");
        env.put("HUNTER_DYNAMICS_BATCH_SIZE", "1001");
        env.put("HUNTER_DYNAMICS_PUSH_TYPES", "co_sell");
        env.put("HUNTER_DYNAMICS_CLIENT_ID", "not-a-guid");

        ParsedSettings parsed = SettingsParser.load(env, workingDir);

        assertThat(parsed.problems())
                .extracting(SettingProblem::setting)
                .containsExactlyInAnyOrder(
                        Setting.DYNAMICS_URL,
                        Setting.DYNAMICS_COLUMN_PREFIX,
                        Setting.DYNAMICS_BATCH_SIZE,
                        Setting.DYNAMICS_PUSH_TYPES,
                        Setting.DYNAMICS_CLIENT_ID);
        assertThat(parsed.problems())
                .filteredOn(p -> p.setting() == Setting.DYNAMICS_PUSH_TYPES)
                .singleElement()
                .satisfies(p -> assertThat(p.problem()).contains("co_sell", "unclassified"));
    }

    @Test
    void theWriteBackIsOffByDefaultAndWhenOnNeedsThePartnerCenterSignIn() {
        Map<String, String> env = complete();
        HunterSettings off = SettingsParser.load(env, workingDir).orThrow();
        assertThat(off.dynamics().writeBack()).isFalse();
        assertThat(off.dynamics().writeBackProblems(off.partnerCenter())).isEmpty();

        env.put("HUNTER_DYNAMICS_WRITE_BACK", "true");
        HunterSettings withoutSignIn = SettingsParser.load(env, workingDir).orThrow();
        assertThat(withoutSignIn.dynamics().writeBack()).isTrue();
        assertThat(withoutSignIn.dynamics().writeBackProblems(withoutSignIn.partnerCenter()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.setting()).isEqualTo(Setting.DYNAMICS_WRITE_BACK);
                    assertThat(p.describe())
                            .contains(
                                    "HUNTER_PARTNER_CENTER_CLIENT_ID",
                                    "hunter auth login",
                                    "HUNTER_DYNAMICS_WRITE_BACK=false");
                });

        env.put("HUNTER_PARTNER_CENTER_CLIENT_ID", CLIENT_ID);
        env.put("HUNTER_PARTNER_CENTER_TENANT_ID", TENANT_ID);
        HunterSettings ready = SettingsParser.load(env, workingDir).orThrow();
        assertThat(ready.dynamics().writeBackProblems(ready.partnerCenter())).isEmpty();

        env.put("HUNTER_DYNAMICS_WRITE_BACK", "yes please");
        assertThat(SettingsParser.load(env, workingDir).problems())
                .extracting(SettingProblem::setting)
                .containsExactly(Setting.DYNAMICS_WRITE_BACK);
    }

    @Test
    void theSimulatorIsForRehearsalsOnly() {
        Map<String, String> env = complete();
        env.put("HUNTER_DYNAMICS_SIMULATOR_URL", "http://127.0.0.1:8082");

        ParsedSettings development = SettingsParser.load(env, workingDir);
        assertThat(development.orThrow().dynamics().simulatorUrl()).contains(URI.create("http://127.0.0.1:8082"));
        assertThat(development.notices()).anyMatch(n -> n.contains("SIMULATED leads"));

        env.put("HUNTER_ENVIRONMENT", "production");
        assertThat(SettingsParser.load(env, workingDir).problems())
                .extracting(SettingProblem::setting)
                .contains(Setting.DYNAMICS_SIMULATOR_URL);
    }

    private static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("HUNTER_DYNAMICS_ENABLED", "true");
        env.put("HUNTER_DYNAMICS_URL", "https://contoso.crm4.dynamics.com/");
        env.put("HUNTER_DYNAMICS_TENANT_ID", TENANT_ID);
        env.put("HUNTER_DYNAMICS_CLIENT_ID", CLIENT_ID);
        env.put("HUNTER_DYNAMICS_CLIENT_SECRET", SECRET);
        return env;
    }
}
