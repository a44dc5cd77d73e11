package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.HostileStrings.pick;
import static io.hunterreferrals.http.HostileRequests.assertErrorJson;
import static io.hunterreferrals.http.HostileRequests.assertRefusedCleanlyOrServed;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.testing.InMemoryOutbox;
import io.hunterreferrals.core.testing.PropertyCheck;
import io.hunterreferrals.core.testing.TestReferrals;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every listing and lookup endpoint with wrong types, out-of-range numbers, unknown enum values, SQL and LIKE
 * metacharacters, NUL, broken percent-encoding and over-long values: a 200 or a clear 400 (404 for a lookup of
 * nothing), never a 500. The ports are in-memory here; the PostgreSQL queries get the same texts in adapter-postgres.
 */
class BadQueryParametersTest {

    static final int TRIES = 400;

    /** The GET endpoints and the query parameters each reads. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/v1/leads", List.of("search", "referral_type", "sort", "page", "page_size")),
            new Endpoint("/api/v1/leads/export.csv", List.of("search", "referral_type", "sort")),
            new Endpoint(
                    ReferralRoutes.INBOX,
                    List.of("link_status", "referral_type", "status", "search", "sort", "page", "page_size")),
            new Endpoint(
                    ReferralRoutes.INBOX_ALIAS,
                    List.of("link_status", "referral_type", "status", "search", "sort", "page", "page_size")),
            new Endpoint(ReferralRoutes.STATS, List.of()),
            new Endpoint("/api/v1/partner-center/referrals/r-1", List.of("include_raw")),
            new Endpoint(SyncRoutes.RUNS, List.of("page", "page_size")),
            new Endpoint(SyncRoutes.STATUS, List.of()),
            new Endpoint(HealthRoutes.HEALTH, List.of()),
            new Endpoint(EventRoutes.EVENTS, List.of("referral", "state", "type", "limit")));

    private record Endpoint(String path, List<String> parameters) {}

    private final ApiFixture api = ApiFixture.start(HttpApi.Role.API, b -> b.outbox(new InMemoryOutbox()))
            .withReferrals(TestReferrals.aReferral("r-1").build());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anyQueryStringOnAnyEndpointIsServedOrRefusedWithA400() {
        PropertyCheck.forAll(TRIES, 41L, BadQueryParametersTest::request, path -> {
            // A raw socket: HttpClient refuses to send broken percent-encoding such as %zz.
            assertRefusedCleanlyOrServed(RawHttp.get(api.app.port(), path), List.of(200, 400));
        });
    }

    @Test
    void anyReferralIdOrTaskIdInThePathIsFoundOrRefused() {
        PropertyCheck.forAll(
                TRIES / 2,
                42L,
                r -> pick(List.of("/api/v1/partner-center/referrals/", SyncRoutes.RUNS + "/", "/api/v1/events/"), r)
                        + (r.nextBoolean() ? pick(HostileRequests.RAW_ENCODED, r) : HostileRequests.encodedValue(r))
                                .replace("+", "%20"),
                path -> assertRefusedCleanlyOrServed(RawHttp.get(api.app.port(), path), List.of(200, 400, 404)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/leads?page=99999999999999999999                              | invalid_parameter
            /api/v1/leads?page=-1                                                | invalid_parameter
            /api/v1/leads?page=abc                                               | invalid_parameter
            /api/v1/leads?page_size=0                                            | invalid_parameter
            /api/v1/leads?page_size=201                                          | invalid_parameter
            /api/v1/leads?sort=%27%20OR%201%3D1%20--                              | invalid_parameter
            /api/v1/leads?referral_type=unclassified                             | invalid_parameter
            /api/v1/partner-center/referrals?link_status=%3BDROP%20TABLE%20leads | invalid_parameter
            /api/v1/partner-center/referrals?referral_type=CO-SELL               | invalid_parameter
            /api/v1/partner-center/referrals?page=1e3                            | invalid_parameter
            /api/v1/partner-center/sync/runs?page_size=99999999999               | invalid_parameter
            /api/v1/partner-center/referrals/r-1?include_raw=maybe               | invalid_parameter
            /api/v1/partner-center/sync/runs/not-a-uuid                          | invalid_task_id
            /api/v1/events?state=lost                                            | invalid_parameter
            /api/v1/events?type=referral.%27--                                   | invalid_parameter
            /api/v1/events?limit=9999                                            | invalid_parameter
            /api/v1/events/not-a-uuid                                            | invalid_event_id
            """)
    void namedBadValuesAre400sThatSayWhichParameter(String path, String code) {
        ApiFixture.Response response = api.get(path);

        assertThat(response.status()).as(response::toString).isEqualTo(400);
        assertErrorJson(response);
        assertThat(response.errorCode()).isEqualTo(code);
    }

    @Test
    void pathsJettyOrJavalinCannotDecodeAreJson400s() {
        // Found by the property above: %u0041 passed Jetty and Javalin's path-parameter decoding threw (a 500);
        // %FF (invalid UTF-8) was refused by Jetty itself with an HTML page echoing the URI.
        ApiFixture.Response escape = RawHttp.get(api.app.port(), "/api/v1/partner-center/referrals/%u0041");
        ApiFixture.Response utf8 = RawHttp.get(api.app.port(), SyncRoutes.RUNS + "/%FF");

        assertThat(escape.status()).as(escape::toString).isEqualTo(400);
        assertErrorJson(escape);
        assertThat(escape.errorCode()).isEqualTo("malformed_path");
        assertThat(utf8.status()).as(utf8::toString).isEqualTo(400);
        assertErrorJson(utf8);
        assertThat(utf8.errorCode()).isEqualTo("bad_request");
        assertThat(utf8.body()).doesNotContain("/sync/runs");
    }

    @Test
    void overLongValuesAre400s() {
        for (String path : List.of(
                "/api/v1/leads?search=" + "x".repeat(201),
                ReferralRoutes.INBOX + "?status=" + "x".repeat(51),
                ReferralRoutes.INBOX + "?page=" + "1".repeat(11),
                "/api/v1/partner-center/referrals/" + "r".repeat(256))) {
            ApiFixture.Response response = api.get(path);

            assertThat(response.status()).as(path).isEqualTo(400);
            assertErrorJson(response);
        }
    }

    @Test
    void sqlAndLikeMetacharactersAreJustTextToSearchFor() {
        for (String term : List.of("' OR 1=1 --", "%", "_", "\\", ";DROP TABLE companies;--", "%_%", "a\u0000b")) {
            for (String path : List.of(
                    "/api/v1/leads?search=", ReferralRoutes.INBOX + "?search=", ReferralRoutes.INBOX + "?status=")) {
                ApiFixture.Response response = api.get(path + HostileRequests.encode(term));

                assertThat(response.status()).as(path + term).isEqualTo(200);
                assertThat(response.json().path("total").asInt(-1))
                        .as(path + term)
                        .isZero();
            }
        }
    }

    /** A path with one to four parameters, known or not, each with a hostile value. */
    private static String request(SplittableRandom r) {
        Endpoint endpoint = pick(ENDPOINTS, r);
        StringBuilder query = new StringBuilder();
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            String name = endpoint.parameters().isEmpty() || r.nextInt(5) == 0
                    ? HostileRequests.encodedValue(r)
                    : pick(endpoint.parameters(), r);
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(HostileRequests.encodedValue(r));
        }
        return endpoint.path() + query;
    }
}
