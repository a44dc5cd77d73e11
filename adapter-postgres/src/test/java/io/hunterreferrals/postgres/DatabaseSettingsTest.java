package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void noUrlMeansEmbeddedInDefaultFolderMigratedOnStart() {
        DatabaseSettings s = DatabaseSettings.fromEnvironment(Map.of());
        assertThat(s.isEmbedded()).isTrue();
        assertThat(s.url()).isNull();
        assertThat(s.embeddedDataDir()).isEqualTo(Path.of(".hunter/postgres").toAbsolutePath().normalize());
        assertThat(s.migrateOnStart()).isTrue();
    }

    @Test
    void blankValuesCountAsUnset() {
        DatabaseSettings s = DatabaseSettings.fromEnvironment(Map.of("HUNTER_DATABASE_URL", "  ",
                "HUNTER_DATABASE_USER", ""));
        assertThat(s.isEmbedded()).isTrue();
        assertThat(s.user()).isNull();
    }

    @Test
    void embeddedFolderAndMigrateOnStartAreConfigurable() {
        DatabaseSettings s = DatabaseSettings.fromEnvironment(Map.of("HUNTER_DATABASE_EMBEDDED_DIR", "/tmp/x/pg",
                "HUNTER_DATABASE_MIGRATE_ON_START", "false"));
        assertThat(s.embeddedDataDir()).isEqualTo(Path.of("/tmp/x/pg"));
        assertThat(s.migrateOnStart()).isFalse();
    }

    @Test
    void jdbcUrlIsKeptAndCredentialsMoveOutOfTheQuery() {
        DatabaseSettings s = DatabaseSettings.parse(
                "jdbc:postgresql://db.example.com:5433/hunter?sslmode=require&user=app&password=s%3Dcret", null, null);
        assertThat(s.isEmbedded()).isFalse();
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.example.com:5433/hunter?sslmode=require");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password()).isEqualTo("s=cret");
    }

    @Test
    void plainJdbcUrlWithoutQuery() {
        DatabaseSettings s = DatabaseSettings.parse("jdbc:postgresql://localhost/hunter", "u", "p");
        assertThat(s.url()).isEqualTo("jdbc:postgresql://localhost/hunter");
        assertThat(s.user()).isEqualTo("u");
        assertThat(s.password()).isEqualTo("p");
    }

    @Test
    void libpqUriBecomesJdbcUrlWithCredentialsSeparated() {
        DatabaseSettings s = DatabaseSettings.parse("postgresql://hunter:pw@db.example.com:5432/referrals", null, null);
        assertThat(s.url()).isEqualTo("jdbc:postgresql://db.example.com:5432/referrals");
        assertThat(s.user()).isEqualTo("hunter");
        assertThat(s.password()).isEqualTo("pw");
    }

    @Test
    void postgresSchemeHostOnlyAndQueryParameters() {
        DatabaseSettings s = DatabaseSettings.parse(
                "postgres://db.internal/hunter?sslmode=verify-full&application_name=hunter%20cli&connect_timeout=5",
                null, null);
        assertThat(s.url()).isEqualTo(
                "jdbc:postgresql://db.internal/hunter?sslmode=verify-full&ApplicationName=hunter%20cli&connectTimeout=5");
        assertThat(s.user()).isNull();
        assertThat(s.password()).isNull();
    }

    @Test
    void percentEncodedUserAndPasswordAreDecoded() {
        DatabaseSettings s = DatabaseSettings.parse(
                "postgresql://us%40er:p%40ss%3Aw%2Frd%25%C5%9F@localhost:5432/db", null, null);
        assertThat(s.user()).isEqualTo("us@er");
        assertThat(s.password()).isEqualTo("p@ss:w/rd%ş");
    }

    @Test
    void ipv6AndMultipleHosts() {
        assertThat(DatabaseSettings.parse("postgresql://[::1]:5432/db", null, null).url())
                .isEqualTo("jdbc:postgresql://[::1]:5432/db");
        assertThat(DatabaseSettings.parse("postgresql://a:5432,b:5433/db", null, null).url())
                .isEqualTo("jdbc:postgresql://a:5432,b:5433/db");
    }

    @Test
    void userAndPasswordVariablesOverrideUrlCredentials() {
        DatabaseSettings s = DatabaseSettings.fromEnvironment(Map.of(
                "HUNTER_DATABASE_URL", "postgresql://urluser:urlpw@h/db",
                "HUNTER_DATABASE_USER", "envuser",
                "HUNTER_DATABASE_PASSWORD", "envpw"));
        assertThat(s.user()).isEqualTo("envuser");
        assertThat(s.password()).isEqualTo("envpw");
        DatabaseSettings onlyPassword = DatabaseSettings.parse("jdbc:postgresql://h/db?user=u&password=x", null, "y");
        assertThat(onlyPassword.user()).isEqualTo("u");
        assertThat(onlyPassword.password()).isEqualTo("y");
    }

    @Test
    void toStringAndDescribeNeverShowThePassword() {
        DatabaseSettings s = DatabaseSettings.parse("postgresql://u:topsecret@h/db", null, null);
        assertThat(s.toString()).doesNotContain("topsecret").contains("****");
        assertThat(s.describe()).doesNotContain("topsecret");
    }

    @Test
    void malformedValuesNameTheVariableAndWhatIsExpected() {
        assertThatThrownBy(() -> DatabaseSettings.parse("mysql://u:topsecret@h/db", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HUNTER_DATABASE_URL: unsupported scheme")
                .hasMessageContaining("expected jdbc:postgresql://")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseSettings.parse("localhost:5432/db", null, null))
                .hasMessageStartingWith("HUNTER_DATABASE_URL:");
        assertThatThrownBy(() -> DatabaseSettings.parse("postgresql://h:99999/db", null, null))
                .hasMessageContaining("HUNTER_DATABASE_URL").hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> DatabaseSettings.parse("postgresql://h:abc/db", null, null))
                .hasMessageContaining("HUNTER_DATABASE_URL").hasMessageContaining("port 'abc'");
        assertThatThrownBy(() -> DatabaseSettings.parse("postgresql://u:p%zz@h/db", null, null))
                .hasMessageContaining("HUNTER_DATABASE_URL").hasMessageContaining("invalid percent-escape '%zz'");
        assertThatThrownBy(() -> DatabaseSettings.parse("postgresql://u:p%4@h/db", null, null))
                .hasMessageContaining("incomplete percent-escape");
        assertThatThrownBy(() -> DatabaseSettings.parse("jdbc:postgresql://h:notaport/db", null, null))
                .hasMessageStartingWith("HUNTER_DATABASE_URL: 'jdbc:postgresql://h:notaport/db' is not a valid");
        assertThatThrownBy(() -> DatabaseSettings.parse("postgresql://%2Fvar%2Frun%2Fpostgresql/db", null, null))
                .hasMessageContaining("Unix-socket");
        assertThatThrownBy(() -> DatabaseSettings.parse(null, null, null, null, "maybe"))
                .hasMessage("HUNTER_DATABASE_MIGRATE_ON_START: 'maybe' is not a boolean; expected true or false.");
    }
}
