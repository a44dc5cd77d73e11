package io.hunterreferrals.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RedactionTest {

    private static final String SECRET_START = "s3cr";
    private static final String SECRET_END = "Zq9";

    /** Every URL delimiter, alone and combined, in the middle of a password: the ones that make a URL not parse. */
    static Stream<String> passwords() {
        return Stream.of("#", "/", "?", "@", "%", "&", ":", "=", "@@", "/?#", "#@/", "?password=x&", "&sig=", "%zz")
                .map(meta -> SECRET_START + meta + SECRET_END);
    }

    @ParameterizedTest
    @MethodSource("passwords")
    void aPasswordNeverAppearsWhateverItHolds(String password) {
        for (String url : new String[] {
            "postgresql://alice:" + password + "@db.internal:5432/hunter",
            "postgresql://alice:" + password + "@host:notaport/db",
            "postgres://alice:" + password + "@[::1]:5432/hunter?sslmode=require",
            "jdbc:postgresql://db.internal:5432/hunter?user=alice&password=" + password + "&sslmode=require",
            "postgresql://db.internal/hunter?sslmode=require&PASSWORD=" + password,
            "mysql://alice:" + password + "@db.internal/hunter",
            "alice:" + password + "@db.internal:5432/hunter",
            "https://example.webhook.office.com/workflows/1/invoke?api-version=1&sig=" + password
        }) {
            assertThat(Redaction.url(url)).as(url).doesNotContain(SECRET_START).doesNotContain(SECRET_END);
        }
    }

    @Test
    void theUserHostAndPortStayVisible() {
        assertThat(Redaction.url("postgresql://alice:s3cr#et@host:notaport/db"))
                .isEqualTo("postgresql://alice:****@host:notaport/db");
        assertThat(Redaction.url("jdbc:postgresql://db.internal/hunter?user=alice&password=s3cr&et&sslmode=require"))
                .isEqualTo("jdbc:postgresql://db.internal/hunter?user=alice&password=****");
    }

    @Test
    void urlsWithoutSecretsAreLeftAlone() {
        for (String url : new String[] {
            "postgresql://alice@db.internal:5432/hunter",
            "jdbc:postgresql://db.internal:5432/hunter?sslmode=require&ApplicationName=hunter",
            "https://api.partner.microsoft.com/v1.0/engagements/referrals?$top=100",
            "http://127.0.0.1:8081"
        }) {
            assertThat(Redaction.url(url)).isEqualTo(url);
        }
        assertThat(Redaction.url(null)).isNull();
    }

    @Test
    void webhookSignaturesAndTokensAreHiddenWhateverTheirCase() {
        assertThat(Redaction.url("https://prod-1.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke"
                        + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbC123def"))
                .isEqualTo("https://prod-1.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke"
                        + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=****");
        for (String name : new String[] {
            "sig",
            "Signature",
            "TOKEN",
            "access_token",
            "secret",
            "key",
            "code",
            "password",
            "sslpassword",
            "api_key",
            "client_secret",
            "pass%77ord"
        }) {
            String url = "https://hooks.example/in?x=1&" + name + "=" + SECRET_START + SECRET_END + "&y=2";
            assertThat(Redaction.url(url)).as(name).isEqualTo("https://hooks.example/in?x=1&" + name + "=****");
        }
    }

    @Test
    void aWebhookShowsOnlyItsOrigin() {
        assertThat(Redaction.urlOrigin(
                        "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke"
                                + "?api-version=2016-06-01&sp=%2Ftriggers&sv=1.0&sig=" + SECRET_START + SECRET_END))
                .isEqualTo("https://prod-12.westeurope.logic.azure.com:443/\u2026");
        assertThat(Redaction.urlOrigin("https://hooks.slack.com/services/T000/B000/" + SECRET_START + SECRET_END))
                .isEqualTo("https://hooks.slack.com/\u2026");
        assertThat(Redaction.urlOrigin("HTTP://alice:" + SECRET_START + "@127.0.0.1:8080/hook"))
                .isEqualTo("http://127.0.0.1:8080/\u2026");
        assertThat(Redaction.urlOrigin("https://example.com")).isEqualTo("https://example.com/");
        assertThat(Redaction.urlOrigin("https://example.com/?" + SECRET_START)).isEqualTo("https://example.com/\u2026");
        assertThat(Redaction.urlOrigin(null)).isNull();
    }

    @ParameterizedTest
    @MethodSource("passwords")
    void aWebhookThatDoesNotParseShowsNothing(String password) {
        for (String url : new String[] {
            "https://hooks.slack.com/services/" + password,
            "https://alice:" + password + "@hooks.example/x",
            "hooks.slack.com/services/" + password,
            "not a url " + password
        }) {
            assertThat(Redaction.urlOrigin(url))
                    .as(url)
                    .doesNotContain(SECRET_START)
                    .doesNotContain(SECRET_END);
        }
    }

    @Test
    void aSecretShowsOnlyItsLength() {
        assertThat(Redaction.secret("key-one,key-two")).isEqualTo("**** (15 characters)");
        assertThat(Redaction.secret("x")).isEqualTo("**** (1 character)");
        assertThat(Redaction.secret(null)).isNull();
    }

    @Test
    void anEmailKeepsItsFirstLetterAndDomain() {
        assertThat(Redaction.email("ayse.yilmaz@contoso.example")).isEqualTo("a***@contoso.example");
        assertThat(Redaction.email("not-an-address")).isEqualTo("***");
        assertThat(Redaction.email("@contoso.example")).isEqualTo("***");
        assertThat(Redaction.email(null)).isEmpty();
        assertThat(Redaction.email(" ")).isEmpty();
    }
}
