package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void embeddedHasAnAbsoluteFolderAndMigratesOnStart() {
        DatabaseSettings s = DatabaseSettings.embedded(Path.of("pg/../.hunter/postgres"));
        assertThat(s.isEmbedded()).isTrue();
        assertThat(s.url()).isNull();
        assertThat(s.embeddedDataDir())
                .isEqualTo(Path.of(".hunter/postgres").toAbsolutePath().normalize());
        assertThat(s.migrateOnStart()).isTrue();
        assertThat(s.withMigrateOnStart(false).migrateOnStart()).isFalse();
        assertThat(s.withEmbeddedDataDir(Path.of("/tmp/x/pg")).embeddedDataDir())
                .isEqualTo(Path.of("/tmp/x/pg"));
    }

    @Test
    void externalTakesTheUrlsCredentials() {
        DatabaseSettings s = DatabaseSettings.external(
                DatabaseUrl.parse("postgresql://hunter:pw@db.example.com/referrals"), null, null);
        assertThat(s.isEmbedded()).isFalse();
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.example.com/referrals");
        assertThat(s.user()).isEqualTo("hunter");
        assertThat(s.password()).isEqualTo("pw");
        assertThat(s.embeddedDataDir()).isNull();
        assertThat(s.migrateOnStart()).isTrue();
    }

    @Test
    void givenUserAndPasswordOverrideTheUrlsAndBlankOnesDoNot() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://urluser:urlpw@h/db");
        DatabaseSettings overridden = DatabaseSettings.external(url, "envuser", "envpw");
        assertThat(overridden.user()).isEqualTo("envuser");
        assertThat(overridden.password()).isEqualTo("envpw");
        DatabaseSettings blank = DatabaseSettings.external(url, " ", "");
        assertThat(blank.user()).isEqualTo("urluser");
        assertThat(blank.password()).isEqualTo("urlpw");
        DatabaseSettings onlyPassword =
                DatabaseSettings.external(DatabaseUrl.parse("jdbc:postgresql://h/db?user=u&password=x"), null, "y");
        assertThat(onlyPassword.user()).isEqualTo("u");
        assertThat(onlyPassword.password()).isEqualTo("y");
    }

    @Test
    void toStringAndDescribeNeverShowThePassword() {
        DatabaseSettings s = DatabaseSettings.external(
                DatabaseUrl.parse("postgresql://u:topsecret@h/db?sslpassword=keypass"), null, null);
        assertThat(s.toString())
                .doesNotContain("topsecret")
                .doesNotContain("keypass")
                .contains("password=**** (9 characters)");
        assertThat(s.describe())
                .doesNotContain("topsecret")
                .doesNotContain("keypass")
                .contains("(user u)");
    }

    @Test
    void theHintsNameTheSettingsAsTheOperatorKnowsThem() {
        DatabaseSettings.SettingNames names = new DatabaseSettings.SettingNames("DB_URL", "DB_USER", "DB_PASSWORD");
        DatabaseSettings s = DatabaseSettings.embedded(Path.of("pg")).withSettingNames(names);
        assertThat(s.names()).isEqualTo(names);
        assertThat(s.withMigrateOnStart(false).names()).isEqualTo(names);
        assertThat(DatabaseSettings.embedded(Path.of("pg")).names()).isEqualTo(DatabaseSettings.SettingNames.GENERIC);
    }
}
