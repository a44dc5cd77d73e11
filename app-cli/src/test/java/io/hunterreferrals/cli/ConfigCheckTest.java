package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runbook phase 1: `hunter config check` with a complete, a missing and an invalid configuration, and .env precedence.
 */
class ConfigCheckTest {

    private static final String CLIENT = "1475ed28-175a-45f1-a299-e811147ad068";
    private static final String TENANT = "aa72d1fe-d762-49f7-b721-c7611d0a6934";

    @TempDir
    Path dir;

    @Test
    void aCompleteConfigurationFromDotenvCanSync() throws Exception {
        Files.writeString(dir.resolve(".env"), """
                HUNTER_PARTNER_CENTER_ENABLED=true
                HUNTER_PARTNER_CENTER_CLIENT_ID=%s
                HUNTER_PARTNER_CENTER_TENANT_ID=%s
                HUNTER_PARTNER_CENTER_API_URL=https://api.partner.microsoft.com
                HUNTER_DATABASE_PASSWORD=s3cret-value
                """.formatted(CLIENT, TENANT));
        Cli.Result result = new Cli(dir).run("config", "check");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("HUNTER_PARTNER_CENTER_CLIENT_ID +" + CLIENT + " +\\(\\.env\\)")
                .containsPattern(
                        "HUNTER_PARTNER_CENTER_SCOPE +https://api.partner.microsoft.com/.default +\\(default\\)")
                .containsPattern("HUNTER_LOG_FORMAT +json +\\(environment\\)")
                .contains("does not exist yet: run `hunter auth login`", "OK: the configuration can sync")
                .doesNotContain("s3cret-value");
    }

    @Test
    void anEnabledDynamicsPushThatCannotSignInIsAProblemAndItsSecretIsMasked() throws Exception {
        Files.writeString(dir.resolve(".env"), """
                HUNTER_PARTNER_CENTER_ENABLED=true
                HUNTER_PARTNER_CENTER_CLIENT_ID=%s
                HUNTER_PARTNER_CENTER_TENANT_ID=%s
                HUNTER_DYNAMICS_ENABLED=true
                HUNTER_DYNAMICS_URL=https://contoso.crm4.dynamics.com
                HUNTER_DYNAMICS_CLIENT_SECRET=dyn-s3cret-value
                """.formatted(CLIENT, TENANT));

        Cli.Result result = new Cli(dir).run("config", "check");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(result.out())
                .contains("HUNTER_DYNAMICS_TENANT_ID: is missing", "HUNTER_DYNAMICS_CLIENT_ID: is missing")
                .doesNotContain("dyn-s3cret-value", "Dynamics 365 push: off");
        assertThat(new Cli(dir)
                        .with("HUNTER_DYNAMICS_ENABLED", "false")
                        .run("config", "check")
                        .out())
                .contains("Dynamics 365 push: off (HUNTER_DYNAMICS_ENABLED is not true).");
    }

    @Test
    void theEnvironmentWinsOverDotenv() throws Exception {
        String fromEnvironment = "22222222-2222-4222-8222-222222222222";
        Files.writeString(
                dir.resolve(".env"),
                "HUNTER_PARTNER_CENTER_CLIENT_ID=" + CLIENT + "\nHUNTER_PARTNER_CENTER_TENANT_ID=" + TENANT
                        + "\nHUNTER_PARTNER_CENTER_ENABLED=true\n");
        Files.writeString(dir.resolve(".token_cache"), "{}");
        Cli.Result result = new Cli(dir)
                .with("HUNTER_PARTNER_CENTER_CLIENT_ID", fromEnvironment)
                .with("HUNTER_PARTNER_CENTER_CLIENT_SECRET", "unused")
                .run("config", "check");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .containsPattern("HUNTER_PARTNER_CENTER_CLIENT_ID +" + fromEnvironment + " +\\(environment\\)")
                .containsPattern("HUNTER_PARTNER_CENTER_TENANT_ID +" + TENANT + " +\\(\\.env\\)")
                .contains(".token_cache exists")
                .contains("Notice: HUNTER_PARTNER_CENTER_CLIENT_SECRET is set but not used")
                .doesNotContain("unused");
    }

    @Test
    void productionSaysWhichProductionRulesFail() throws Exception {
        Files.writeString(dir.resolve(".env"), """
                HUNTER_ENVIRONMENT=production
                HUNTER_PARTNER_CENTER_ENABLED=true
                HUNTER_PARTNER_CENTER_CLIENT_ID=%s
                HUNTER_PARTNER_CENTER_TENANT_ID=%s
                HUNTER_HTTP_HOST=0.0.0.0
                """.formatted(CLIENT, TENANT));
        Cli.Result result = new Cli(dir).run("config", "check");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(result.out())
                .contains(
                        "Production rules apply (HUNTER_ENVIRONMENT=production)",
                        "HUNTER_API_KEY: is missing, and HUNTER_HTTP_HOST=0.0.0.0 is reachable from other machines",
                        "HUNTER_DATABASE_URL: is not set, so production would use the embedded database",
                        "HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH: is '.token_cache', relative to the working directory");
    }

    @Test
    void aTokenCacheOthersCanReadFailsInProductionAndIsANoticeElsewhere() throws Exception {
        Path cache = Files.writeString(dir.resolve("token_cache"), "{}");
        Files.setPosixFilePermissions(cache, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Cli cli = new Cli(dir)
                .with("HUNTER_PARTNER_CENTER_ENABLED", "true")
                .with("HUNTER_PARTNER_CENTER_CLIENT_ID", CLIENT)
                .with("HUNTER_PARTNER_CENTER_TENANT_ID", TENANT)
                .with("HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH", cache.toString());

        Cli.Result development = cli.run("config", "check");
        assertThat(development.exitCode()).as(development.toString()).isZero();
        assertThat(development.out())
                .contains(
                        "Notice: HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH: " + cache + " has mode rw-r--r--",
                        "chmod 600");

        Cli.Result production = cli.with("HUNTER_ENVIRONMENT", "production")
                .with("HUNTER_DATABASE_ALLOW_EMBEDDED", "true")
                .run("config", "check");
        assertThat(production.exitCode()).as(production.toString()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(production.out()).contains("Not ready to sync (1 problem)", "has mode rw-r--r--");
    }

    @Test
    void missingCredentialsAreListedWithTheirFix() {
        Cli.Result result =
                new Cli(dir).with("HUNTER_PARTNER_CENTER_ENABLED", "true").run("config", "check");
        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(result.out())
                .contains(
                        "Not ready to sync (2 problems)",
                        "HUNTER_PARTNER_CENTER_CLIENT_ID: is missing",
                        "HUNTER_PARTNER_CENTER_TENANT_ID: is missing",
                        "Azure Portal");
    }

    @Test
    void invalidValuesNameTheVariableAndWhatIsExpected() {
        Cli.Result result = new Cli(dir)
                .with("HUNTER_PARTNER_CENTER_SYNC_INTERVAL", "ten minutes")
                .with("HUNTER_PARTNER_CENTER_CLIENT_ID", "not-a-guid")
                .run("config", "check");
        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(result.out())
                .contains(
                        "HUNTER_PARTNER_CENTER_SYNC_INTERVAL: 'ten minutes' is not a whole number",
                        "HUNTER_PARTNER_CENTER_CLIENT_ID: 'not-a-guid' is not a GUID");
    }

    @Test
    void onlyTheFeatureFlagOffHasItsOwnExitCode() {
        Cli.Result result = new Cli(dir)
                .with("HUNTER_PARTNER_CENTER_CLIENT_ID", CLIENT)
                .with("HUNTER_PARTNER_CENTER_TENANT_ID", TENANT)
                .run("config", "check");
        assertThat(result.exitCode()).isEqualTo(ExitCode.FEATURE_DISABLED.code());
        assertThat(result.out()).contains("HUNTER_PARTNER_CENTER_ENABLED: is false");
    }

    @Test
    void anUnreadableDotenvIsAConfigurationError() throws Exception {
        Files.writeString(dir.resolve(".env"), "this line is not NAME=value\n");
        Cli.Result result = new Cli(dir).run("config", "check");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(result.err()).contains(".env");
    }
}
