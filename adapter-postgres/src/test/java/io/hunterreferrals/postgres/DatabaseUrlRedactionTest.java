package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hunterreferrals.core.redaction.Redaction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database password is never shown, whatever it holds: every URL metacharacter, unencoded (the URL then fails to
 * parse and the error message quotes it) or percent-encoded (it parses and is described).
 */
class DatabaseUrlRedactionTest {

    private static final String SECRET_START = "s3cr";
    private static final String SECRET_END = "Zq9";

    static Stream<String> passwords() {
        return Stream.of(
                        "#",
                        "/",
                        "?",
                        "@",
                        ":",
                        "&",
                        "=",
                        "%",
                        "+",
                        " ",
                        ";",
                        "[",
                        "]",
                        "!",
                        "$",
                        "'",
                        "(",
                        ")",
                        "*",
                        ",",
                        "~",
                        "\\",
                        "\"",
                        "<",
                        ">",
                        "{",
                        "}",
                        "|",
                        "^",
                        "`",
                        "@@",
                        "/?#",
                        "#@/",
                        "?password=x&")
                .map(meta -> SECRET_START + meta + SECRET_END);
    }

    @ParameterizedTest
    @MethodSource("passwords")
    void anUnencodedPasswordNeverAppearsInTheErrorNorInTheRedactedUrl(String password) {
        for (String url : new String[] {
            "postgresql://alice:" + password + "@host:notaport/db",
            "postgresql://alice:" + password + "@db.internal:5432/hunter?sslmode=require",
            "postgres://alice:" + password + "@[::1]:5432/hunter",
            "jdbc:postgresql://db.internal:5432/hunter?user=alice&password=" + password + "&sslmode=require",
            "postgresql://db.internal/hunter?user=alice&password=" + password
        }) {
            assertThat(Redaction.url(url)).as(url).doesNotContain(SECRET_START).doesNotContain(SECRET_END);
            Throwable error = catchThrowable(() -> DatabaseUrl.parse(url));
            if (error != null) {
                assertThat(error.getMessage())
                        .as(url)
                        .doesNotContain(SECRET_START)
                        .doesNotContain(SECRET_END);
            } else {
                DatabaseUrl parsed = DatabaseUrl.parse(url);
                DatabaseSettings settings = DatabaseSettings.external(parsed, null, null);
                assertThat(parsed.toString() + settings.describe() + settings)
                        .as(url)
                        .doesNotContain(SECRET_START)
                        .doesNotContain(SECRET_END);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("passwords")
    void aPercentEncodedPasswordParsesAndIsNeverDescribed(String password) {
        String encoded = java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        DatabaseUrl parsed = DatabaseUrl.parse("postgresql://alice:" + encoded + "@db.internal:5432/hunter");
        DatabaseSettings settings = DatabaseSettings.external(parsed, null, null);
        assertThat(settings.password()).isEqualTo(password);
        assertThat(parsed.toString() + settings.describe() + settings + Redaction.url(settings.url()))
                .doesNotContain(SECRET_START)
                .doesNotContain(SECRET_END);
    }

    @Test
    void theDefectsUrlIsShownWithItsUserHostAndPortButNoPassword() {
        Throwable error = catchThrowable(() -> DatabaseUrl.parse("postgresql://alice:s3cr#et@host:notaport/db"));
        assertThat(error)
                .hasMessageNotContaining("s3cr")
                .hasMessageNotContaining("et@")
                .hasMessageContaining("postgresql://alice:****@host:notaport/db");
    }
}
