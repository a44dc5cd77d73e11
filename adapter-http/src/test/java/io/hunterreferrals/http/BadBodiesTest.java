package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.HostileStrings.pick;
import static io.hunterreferrals.http.HostileRequests.assertErrorJson;
import static io.hunterreferrals.http.HostileRequests.assertRefusedCleanlyOrServed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hunterreferrals.core.testing.DomainLikeTexts;
import io.hunterreferrals.core.testing.HostileStrings;
import io.hunterreferrals.core.testing.PropertyCheck;
import io.hunterreferrals.core.testing.TestReferrals;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON bodies (link, create-lead, sync trigger) with wrong types, missing and unknown fields, invalid JSON and
 * UTF-8, deep nesting and bodies over the limit: served, or a 400 / 404 / 413 with the error JSON, never a 500.
 */
class BadBodiesTest {

    static final int TRIES = 500;
    static final int MAX_JSON_BYTES = 4096;

    private static final List<String> ENDPOINTS = List.of(
            "/api/v1/partner-center/referrals/r-1/link",
            "/api/v1/partner-center/referrals/r-1/create-lead",
            "/api/v1/partner-center/referrals/r-1/unlink",
            "/api/v1/partner-center/referrals/no-such-referral/link",
            SyncRoutes.TRIGGER,
            SyncRoutes.TRIGGER_ALIAS);
    private static final List<String> FIELDS =
            List.of("lead_domain", "company_name_override", "notes", "mode", "leadDomain", "LEAD_DOMAIN", "force", "");

    private final ApiFixture api = ApiFixture.start(HttpApi.Role.API, b -> b.maxJsonBytes(MAX_JSON_BYTES))
            .withReferrals(TestReferrals.aReferral("r-1").build());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anyBodyOnAnyPostEndpointIsServedOrRefusedCleanly() {
        PropertyCheck.forAll(
                TRIES,
                51L,
                r -> new Post(pick(ENDPOINTS, r), contentType(r), body(r)),
                post -> assertRefusedCleanlyOrServed(
                        post(post.path(), post.contentType(), post.body()), List.of(200, 202, 400, 404, 413)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/partner-center/referrals/r-1/link        | {"lead_domain": {"a": 1}}          | 400 | invalid_field
            /api/v1/partner-center/referrals/r-1/link        | {"lead_domain": [1]}               | 400 | invalid_field
            /api/v1/partner-center/referrals/r-1/link        | {}                                 | 400 | missing_field
            /api/v1/partner-center/referrals/r-1/link        | {"lead_domain": null}              | 400 | missing_field
            /api/v1/partner-center/referrals/r-1/link        | {"lead_domain": "' OR 1=1 --"}     | 400 | invalid_domain
            /api/v1/partner-center/referrals/r-1/link        | {"lead_domain": "\\ud800.com"}     | 400 | invalid_domain
            /api/v1/partner-center/referrals/r-1/link        | {"lead_domain": "a\\u0000b.com"}   | 400 | invalid_domain
            /api/v1/partner-center/referrals/r-1/link        | {"lead_domain": "contoso.com"     | 400 | malformed_json
            /api/v1/partner-center/referrals/r-1/link        | {lead_domain: "contoso.com"}       | 400 | malformed_json
            /api/v1/partner-center/referrals/r-1/link        | {"lead_domain": "x.com"} {}        | 400 | malformed_json
            /api/v1/partner-center/referrals/r-1/create-lead | {"notes": {"deep": true}}          | 400 | invalid_field
            /api/v1/partner-center/referrals/sync            | {"mode": "FULL; DROP TABLE x"}     | 400 | invalid_field
            /api/v1/partner-center/referrals/sync            | {"mode": 1}                        | 400 | invalid_field
            /api/v1/partner-center/referrals/sync            | "full"                             | 400 | malformed_json
            /api/referrals/sync                              | {"mode": ["full"]}                 | 400 | invalid_field
            """)
    void namedBadBodiesAreClear4xxs(String path, String json, int status, String code) {
        ApiFixture.Response response = post(path, json);

        assertThat(response.status()).as(response::toString).isEqualTo(status);
        assertErrorJson(response);
        assertThat(response.errorCode()).isEqualTo(code);
    }

    @Test
    void deepNestingInvalidUtf8AndOversizedBodiesAre400sOr413s() {
        String link = "/api/v1/partner-center/referrals/r-1/link";
        String deep = "{\"lead_domain\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}";
        byte[] invalidUtf8 = {
            '{',
            '"',
            'l',
            'e',
            'a',
            'd',
            '_',
            'd',
            'o',
            'm',
            'a',
            'i',
            'n',
            '"',
            ':',
            '"',
            (byte) 0xED,
            (byte) 0xA0,
            (byte) 0x80,
            (byte) 0xFF,
            '.',
            'c',
            'o',
            'm',
            '"',
            '}'
        };

        assertStatus(post(link, "application/json", deep.getBytes(StandardCharsets.UTF_8)), 400);
        assertStatus(post(link, "application/json", invalidUtf8), 400);
        assertStatus(post(link, "{\"lead_domain\":\"" + "a".repeat(MAX_JSON_BYTES) + ".com\"}"), 413);
        assertStatus(post(SyncRoutes.TRIGGER, "{\"mode\":\"" + "x".repeat(3_000) + "\"}"), 400);
    }

    @Test
    void aLongInternationalLeadDomainIsAnInvalidDomainNotA500() {
        // Was a 500: IDN.toASCII threw a bare RuntimeException ("input too long") past ~1,500 characters.
        ApiFixture.Response response = post(
                "/api/v1/partner-center/referrals/r-1/link",
                "{\"lead_domain\":\"\u00fc" + "a".repeat(1_500) + ".de\"}");

        assertStatus(response, 400);
        assertThat(response.errorCode()).isEqualTo("invalid_domain");
    }

    /**
     * One connection per request: a body refused before it is read (413) makes the server close the connection, which a
     * pooling client could reuse for the next request and fail with no response at all.
     */
    private ApiFixture.Response post(String path, String contentType, byte[] body) {
        return RawHttp.post(api.app.port(), path, contentType, body);
    }

    private ApiFixture.Response post(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertStatus(ApiFixture.Response response, int status) {
        assertThat(response.status()).as(response::toString).isEqualTo(status);
        assertErrorJson(response);
    }

    private record Post(String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            return path + " " + contentType + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    private static String contentType(SplittableRandom r) {
        return pick(
                List.of(
                        "application/json",
                        "application/json",
                        "application/json; charset=utf-8",
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "application/json; charset=ISO-8859-1"),
                r);
    }

    /** Mostly an object with one to three fields of any type, else invalid JSON, raw bytes or a huge body. */
    private static byte[] body(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> HostileStrings.any(r).getBytes(StandardCharsets.UTF_8);
            case 1 ->
                pick(
                                List.of(
                                        "",
                                        " ",
                                        "null",
                                        "[]",
                                        "1",
                                        "\"x\"",
                                        "{",
                                        "{}",
                                        "\ufeff{}",
                                        "/* c */ {}",
                                        "{'a':1}",
                                        "{\"lead_domain\":\"a.com\",}",
                                        "{\"a\":1}{\"b\":2}"),
                                r)
                        .getBytes(StandardCharsets.UTF_8);
            case 2 -> randomBytes(r);
            default -> {
                StringBuilder json = new StringBuilder("{");
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    json.append(json.length() > 1 ? "," : "")
                            .append(quoted(r.nextInt(4) == 0 ? HostileStrings.upTo(r, 20) : pick(FIELDS, r)))
                            .append(':')
                            .append(value(r));
                }
                yield json.append('}').toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static String value(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 ->
                pick(
                        List.of(
                                "null",
                                "true",
                                "0",
                                "-1",
                                "1e400",
                                "1180591620717411303424",
                                "[]",
                                "{}",
                                "[\"a.com\"]",
                                "{\"lead_domain\":\"a.com\"}",
                                "\"\"",
                                "\"full\"",
                                "\"incremental\"",
                                "\"FULL\""),
                        r);
            case 1 -> "[".repeat(1_001) + "]".repeat(1_001);
            case 2 -> quoted(HostileStrings.any(r));
            case 3 -> pick(List.of("\"\\ud800.com\"", "\"\\u0000\"", "\"a\\u0000.com\"", "\"\\udfff\\ud800\""), r);
            default -> quoted(DomainLikeTexts.any(r));
        };
    }

    private static byte[] randomBytes(SplittableRandom r) {
        byte[] bytes = new byte[r.nextInt(200)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) r.nextInt(256);
        }
        return bytes;
    }

    private static String quoted(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
