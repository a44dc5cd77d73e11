package io.hunterreferrals.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsParserTest {

    private static final String CLIENT_ID = "1475ed28-175a-45f1-a299-e811147ad068";
    private static final String TENANT_ID = "aa72d1fe-d762-49f7-b721-c7611d0a6934";

    @TempDir
    Path workingDir;

    @Test
    void defaultsNeedNothingButDoNotSync() {
        ParsedSettings parsed = SettingsParser.load(Map.of(), workingDir);

        HunterSettings settings = parsed.orThrow();
        assertThat(settings.environment()).isEqualTo(Environment.DEVELOPMENT);
        assertThat(settings.logFormat()).isEqualTo(LogFormat.CONSOLE);
        assertThat(settings.partnerCenter().enabled()).isFalse();
        assertThat(settings.partnerCenter().apiUrl()).isEqualTo(URI.create("https://api.partner.microsoft.com"));
        assertThat(settings.partnerCenter().scope()).isEqualTo("https://api.partner.microsoft.com/.default");
        assertThat(settings.partnerCenter().tokenCachePath())
                .isEqualTo(workingDir.resolve(".token_cache").toAbsolutePath());
        assertThat(settings.syncInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.filter().directions()).containsExactly("Incoming");
        assertThat(settings.filter().statuses()).containsExactly("New", "Active");
        assertThat(settings.database().isEmbedded()).isTrue();
        assertThat(settings.database().embeddedDataDir())
                .isEqualTo(workingDir.resolve(".hunter/postgres").toAbsolutePath());
        assertThat(settings.http().host()).isEqualTo("127.0.0.1");
        assertThat(settings.http().port()).isEqualTo(8000);
        assertThat(settings.partnerCenter().readinessProblems())
                .extracting(SettingProblem::setting)
                .containsExactly(
                        Setting.PARTNER_CENTER_ENABLED,
                        Setting.PARTNER_CENTER_CLIENT_ID,
                        Setting.PARTNER_CENTER_TENANT_ID);
    }

    @Test
    void readsTheRunbooksDotenvFile() throws IOException {
        Files.writeString(workingDir.resolve(".env"), """
                # Partner Center Integration
                HUNTER_PARTNER_CENTER_ENABLED=true
                HUNTER_PARTNER_CENTER_CLIENT_ID=%s
                HUNTER_PARTNER_CENTER_TENANT_ID=%s
                HUNTER_PARTNER_CENTER_API_URL=https://api.partner.microsoft.com
                HUNTER_PARTNER_CENTER_SCOPE=https://api.partner.microsoft.com/.default
                HUNTER_PARTNER_CENTER_TOKEN_CACHE_PATH=.token_cache
                HUNTER_PARTNER_CENTER_SYNC_INTERVAL=600
                """.formatted(CLIENT_ID, TENANT_ID));

        ParsedSettings parsed = SettingsParser.load(Map.of(), workingDir);

        PartnerCenterSettings partnerCenter = parsed.orThrow().partnerCenter();
        assertThat(partnerCenter.enabled()).isTrue();
        assertThat(partnerCenter.clientId()).contains(CLIENT_ID);
        assertThat(partnerCenter.authority()).contains(URI.create("https://login.microsoftonline.com/" + TENANT_ID));
        assertThat(partnerCenter.readinessProblems()).isEmpty();
        assertThat(parsed.orThrow().syncInterval()).isEqualTo(Duration.ofSeconds(600));
        assertThat(parsed.raw().get(Setting.PARTNER_CENTER_CLIENT_ID).source()).isEqualTo(SettingSource.DOTENV);
    }

    @Test
    void theEnvironmentWinsOverDotenv() throws IOException {
        Files.writeString(workingDir.resolve(".env"), "HUNTER_PARTNER_CENTER_ENABLED=false\nHUNTER_HTTP_PORT=9000\n");

        ParsedSettings parsed = SettingsParser.load(Map.of("HUNTER_PARTNER_CENTER_ENABLED", "true"), workingDir);

        assertThat(parsed.orThrow().partnerCenter().enabled()).isTrue();
        assertThat(parsed.raw().get(Setting.PARTNER_CENTER_ENABLED).source()).isEqualTo(SettingSource.ENVIRONMENT);
        assertThat(parsed.orThrow().http().port()).isEqualTo(9000);
        assertThat(parsed.raw().get(Setting.HTTP_PORT).source()).isEqualTo(SettingSource.DOTENV);
    }

    @Test
    void malformedValuesNameTheVariableAndWhatIsExpected() {
        ParsedSettings parsed = SettingsParser.load(
                Map.of(
                        "HUNTER_PARTNER_CENTER_SYNC_INTERVAL", "ten minutes",
                        "HUNTER_PARTNER_CENTER_CLIENT_ID", "not-a-guid",
                        "HUNTER_PARTNER_CENTER_API_URL", "api.partner.microsoft.com",
                        "HUNTER_PARTNER_CENTER_ENABLED", "maybe",
                        "HUNTER_DATABASE_URL", "mysql://x"),
                workingDir);

        assertThat(parsed.settings()).isEmpty();
        assertThat(parsed.problems())
                .extracting(SettingProblem::describe)
                .anySatisfy(line -> assertThat(line)
                        .startsWith(
                                "HUNTER_PARTNER_CENTER_SYNC_INTERVAL: 'ten minutes' is not a whole number of seconds"));
        assertThat(parsed.problems())
                .extracting(SettingProblem::setting)
                .contains(
                        Setting.PARTNER_CENTER_CLIENT_ID,
                        Setting.PARTNER_CENTER_API_URL,
                        Setting.PARTNER_CENTER_ENABLED);
        assertThat(parsed.problems())
                .extracting(SettingProblem::describe)
                .anySatisfy(line -> assertThat(line).contains("HUNTER_DATABASE_URL"));
        assertThatThrownBy(parsed::orThrow)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("HUNTER_PARTNER_CENTER_CLIENT_ID: 'not-a-guid' is not a GUID");
    }

    @Test
    void productionLogsJsonAndSyncsEveryTenMinutes() {
        HunterSettings settings = SettingsParser.load(ProductionRulesTest.productionReady(), workingDir)
                .orThrow();

        assertThat(settings.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(settings.syncInterval()).isEqualTo(Duration.ofSeconds(600));
        assertThat(SettingsParser.load(Map.of("HUNTER_LOG_FORMAT", "console"), workingDir)
                        .orThrow()
                        .logFormat())
                .isEqualTo(LogFormat.CONSOLE);
    }

    @Test
    void anUnusedClientSecretIsIgnoredWithANotice() {
        ParsedSettings parsed =
                SettingsParser.load(Map.of("HUNTER_PARTNER_CENTER_CLIENT_SECRET", "s3cr3t-value"), workingDir);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.notices())
                .singleElement()
                .asString()
                .contains("HUNTER_PARTNER_CENTER_CLIENT_SECRET")
                .doesNotContain("s3cr3t");
        assertThat(parsed.raw().get(Setting.PARTNER_CENTER_CLIENT_SECRET).display())
                .doesNotContain("s3cr3t");
    }

    @Test
    void secretsAreMaskedWhereverTheyAreShown() {
        ParsedSettings parsed = SettingsParser.load(
                Map.of(
                        "HUNTER_DATABASE_URL", "postgresql://hunter:pa55word@db.internal:5432/hunter",
                        "HUNTER_API_KEY", "key-one,key-two"),
                workingDir);

        assertThat(parsed.raw().get(Setting.DATABASE_URL).display())
                .isEqualTo("postgresql://hunter:****@db.internal:5432/hunter");
        assertThat(parsed.raw().get(Setting.API_KEY).display()).doesNotContain("key-one");
        assertThat(parsed.orThrow().http().apiKeys()).containsExactly("key-one", "key-two");
        assertThat(parsed.orThrow().http().toString()).doesNotContain("key-one");
    }

    @Test
    void aPasswordWithAnUnencodedDelimiterIsNeitherShownNorQuotedInTheProblem() {
        ParsedSettings parsed = SettingsParser.load(
                Map.of("HUNTER_DATABASE_URL", "postgresql://alice:s3cr#et@host:notaport/db"), workingDir);

        assertThat(parsed.raw().get(Setting.DATABASE_URL).display())
                .isEqualTo("postgresql://alice:****@host:notaport/db");
        assertThat(parsed.problems())
                .singleElement()
                .asString()
                .contains("percent-encode")
                .doesNotContain("s3cr")
                .doesNotContain("et@");
    }

    @Test
    void theDatabaseSettingsAreParsedHereAndTheirProblemsNameTheVariable() {
        ParsedSettings parsed = SettingsParser.load(
                Map.of(
                        "HUNTER_DATABASE_URL", "mysql://alice:pa55word@db.internal/hunter",
                        "HUNTER_DATABASE_MIGRATE_ON_START", "maybe"),
                workingDir);

        assertThat(parsed.problems())
                .extracting(SettingProblem::describe)
                .containsExactlyInAnyOrder(
                        "HUNTER_DATABASE_URL: unsupported scheme in 'mysql://alice:****@db.internal/hunter'; expected "
                                + "jdbc:postgresql://host[:port]/database[?params], "
                                + "postgresql://[user[:password]@]host[:port]"
                                + "/database[?params] or postgres://... (percent-encode special characters in "
                                + "user and password)"
                                + ". Correct it, or unset it to use the embedded database",
                        "HUNTER_DATABASE_MIGRATE_ON_START: 'maybe' is not true or false. Set it to true or false");

        HunterSettings settings = SettingsParser.load(
                        Map.of(
                                "HUNTER_DATABASE_URL", "postgresql://alice:pa55word@db.internal/hunter",
                                "HUNTER_DATABASE_USER", "hunter",
                                "HUNTER_DATABASE_EMBEDDED_DIR", "data/pg",
                                "HUNTER_DATABASE_MIGRATE_ON_START", "off"),
                        workingDir)
                .orThrow();
        assertThat(settings.database().url()).isEqualTo("jdbc:postgresql://db.internal/hunter");
        assertThat(settings.database().user()).isEqualTo("hunter");
        assertThat(settings.database().password()).isEqualTo("pa55word");
        assertThat(settings.database().migrateOnStart()).isFalse();
        // the adapter's hints ("check ...") name the variables
        assertThat(settings.database().names().url()).isEqualTo("HUNTER_DATABASE_URL");
        assertThat(settings.database().names().password()).isEqualTo("HUNTER_DATABASE_PASSWORD");

        assertThat(SettingsParser.load(Map.of("HUNTER_DATABASE_EMBEDDED_DIR", "data/pg"), workingDir)
                        .orThrow()
                        .database()
                        .embeddedDataDir())
                .isEqualTo(workingDir.resolve("data/pg").toAbsolutePath());
    }

    @Test
    void aUrlSettingIsShownAndQuotedWithoutItsSecrets() {
        ParsedSettings parsed = SettingsParser.load(
                Map.of("HUNTER_PARTNER_CENTER_SIMULATOR_URL", "http://sim:pa55word@10.0.0.7:8081/?token=t0ken"),
                workingDir);

        assertThat(parsed.raw().get(Setting.PARTNER_CENTER_SIMULATOR_URL).display())
                .isEqualTo("http://sim:****@10.0.0.7:8081/?token=****");
        assertThat(parsed.problems())
                .singleElement()
                .extracting(SettingProblem::describe)
                .asString()
                .startsWith("HUNTER_PARTNER_CENTER_SIMULATOR_URL: 'http://sim:****@10.0.0.7:8081/?token=****' is not")
                .doesNotContain("pa55word")
                .doesNotContain("t0ken");
    }

    @Test
    void acceptsATenantDomainAndAnExplicitAuthority() {
        HunterSettings settings = SettingsParser.load(
                        Map.of(
                                "HUNTER_PARTNER_CENTER_TENANT_ID", "Contoso.onmicrosoft.com",
                                "HUNTER_PARTNER_CENTER_AUTHORITY",
                                        "https://login.microsoftonline.us/contoso.onmicrosoft.com"),
                        workingDir)
                .orThrow();

        assertThat(settings.partnerCenter().tenantId()).contains("contoso.onmicrosoft.com");
        assertThat(settings.partnerCenter().authority())
                .contains(URI.create("https://login.microsoftonline.us/contoso.onmicrosoft.com"));
    }

    @Test
    void filtersComeFromCommaSeparatedLists() {
        HunterSettings settings = SettingsParser.load(
                        Map.of(
                                "HUNTER_PARTNER_CENTER_REFERRAL_DIRECTIONS", "Incoming, Outgoing",
                                "HUNTER_PARTNER_CENTER_REFERRAL_STATUSES", "",
                                "HUNTER_PARTNER_CENTER_REFERRAL_EXCLUDED_SUBSTATUSES", "Declined,Expired"),
                        workingDir)
                .orThrow();

        assertThat(settings.filter().directions()).containsExactly("Incoming", "Outgoing");
        assertThat(settings.filter().statuses()).isEmpty();
        assertThat(settings.filter().excludedSubstatuses()).isEqualTo(List.of("Declined", "Expired"));
    }

    @Test
    void aBrokenDotenvFileIsAProblemNotACrash() throws IOException {
        Files.writeString(
                workingDir.resolve(".env"), "HUNTER_PARTNER_CENTER_ENABLED=true\nTHIS LINE IS NOT A SETTING\n");

        assertThatThrownBy(() -> SettingsParser.load(Map.of(), workingDir))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(".env");
    }
}
