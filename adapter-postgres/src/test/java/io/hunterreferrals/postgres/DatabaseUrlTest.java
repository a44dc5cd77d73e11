package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void jdbcUrlIsKeptAndCredentialsMoveOutOfTheQuery() {
        DatabaseUrl url = DatabaseUrl.parse(
                " jdbc:postgresql://db.example.com:5433/hunter?sslmode=require&user=app&password=s%3Dcret ");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/hunter?sslmode=require");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s=cret");
    }

    @Test
    void plainJdbcUrlWithoutQuery() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/hunter");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/hunter");
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void libpqUriBecomesJdbcUrlWithCredentialsSeparated() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://hunter:pw@db.example.com:5432/referrals");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/referrals");
        assertThat(url.user()).isEqualTo("hunter");
        assertThat(url.password()).isEqualTo("pw");
    }

    @Test
    void postgresSchemeHostOnlyAndQueryParameters() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgres://db.internal/hunter?sslmode=verify-full&application_name=hunter%20cli&connect_timeout=5");
        assertThat(url.jdbcUrl())
                .isEqualTo(
                        "jdbc:postgresql://db.internal/hunter?sslmode=verify-full&ApplicationName=hunter%20cli&connectTimeout=5");
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void percentEncodedUserAndPasswordAreDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%40ss%3Aw%2Frd%25%C5%9F@localhost:5432/db");
        assertThat(url.user()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p@ss:w/rd%ş");
    }

    @Test
    void ipv6AndMultipleHosts() {
        assertThat(DatabaseUrl.parse("postgresql://[::1]:5432/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/db");
        assertThat(DatabaseUrl.parse("postgresql://a:5432,b:5433/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://a:5432,b:5433/db");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(DatabaseUrl.parse("postgresql://u:topsecret@h/db").toString())
                .doesNotContain("topsecret")
                .contains("password=**** (9 characters)");
    }

    @Test
    void malformedUrlsSayWhatIsWrongAndWhatIsExpectedButNameNoSetting() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unsupported scheme in 'mysql://u:****@h/db'")
                .hasMessageContaining("; expected jdbc:postgresql://")
                .hasMessageNotContaining("topsecret")
                .hasMessageNotContaining("HUNTER_");
        assertThatThrownBy(() -> DatabaseUrl.parse("localhost:5432/db")).hasMessageStartingWith("unsupported scheme");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h:99999/db"))
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h:abc/db")).hasMessageContaining("port 'abc'");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u%zz:p@h/db"))
                .hasMessageContaining("invalid percent-escape '%zz' in the user name");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p%4@h/db"))
                .hasMessageContaining("incomplete percent-escape in the password");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://h:notaport/db"))
                .hasMessageStartingWith("'jdbc:postgresql://h:notaport/db' is not a valid PostgreSQL JDBC URL");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://%2Fvar%2Frun%2Fpostgresql/db"))
                .hasMessageContaining("Unix-socket");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db?host=x")).hasMessageContaining("host=...");
    }

    @Test
    void aBadEscapeInThePasswordIsNotQuoted() {
        // quoting '%zz' would show three characters of the password
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:s3%zzcret@h/db"))
                .hasMessageContaining("invalid percent-escape in the password")
                .hasMessageNotContaining("zz");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db?sslpassword=s3%zzcret"))
                .hasMessageContaining("invalid percent-escape in the value of query parameter sslpassword")
                .hasMessageNotContaining("zz");
    }
}
