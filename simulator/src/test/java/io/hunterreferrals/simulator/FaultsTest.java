package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault, its scope (endpoint, page, count) and its exact wire shape. */
class FaultsTest {

    private static PartnerCenterSimulator sim;
    private static String token;
    private static String url;

    @BeforeAll
    static void start() {
        sim = PartnerCenterSimulator.builder().referrals(25).build().start();
        token = sim.identity().issueAccessToken();
        url = sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH;
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.faults().clear();
        sim.journal().clear();
        sim.foreignHost().journal().clear();
    }

    @Test
    void tooManyRequestsForTheNextNCallsThenNormal() {
        sim.faults().inject(Fault.tooManyRequests(7).times(2));

        Http.Response first = Http.get(url, token);
        Http.Response second = Http.get(url, token);
        Http.Response third = Http.get(url, token);

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("7");
        assertThat(first.json().path("statusCode").asInt()).isEqualTo(429);
        assertThat(first.json().path("message").asText()).isEqualTo("Rate limit is exceeded. Try again in 7 seconds.");
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(sim.faults().pending()).isEmpty();
    }

    @Test
    void retryAfterAsHttpDate() {
        sim.faults().inject(Fault.tooManyRequests(30).withHttpDateRetryAfter());

        String retryAfter = Http.get(url, token).header("Retry-After");

        ZonedDateTime at = ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(Duration.between(java.time.Instant.now(), at.toInstant()).toSeconds())
                .isBetween(25L, 31L);
    }

    @Test
    void serverErrorsUseTheDocumentedBody() {
        sim.faults().inject(Fault.internalServerError());
        sim.faults().inject(Fault.serviceUnavailable(3));
        sim.faults().inject(Fault.serviceUnavailable());

        Http.Response e500 = Http.get(url, token);
        Http.Response e503 = Http.get(url, token);
        Http.Response e503bare = Http.get(url, token);

        assertThat(e500.status()).isEqualTo(500);
        assertThat(e500.json().path("error").path("code").asText()).isEqualTo("generalException");
        assertThat(e503.status()).isEqualTo(503);
        assertThat(e503.json().path("error").path("code").asText()).isEqualTo("serviceNotAvailable");
        assertThat(e503.header("Retry-After")).isEqualTo("3");
        assertThat(e503bare.status()).isEqualTo(503);
        assertThat(e503bare.header("Retry-After")).isNull();
    }

    @Test
    void forbiddenIsAccessDenied() {
        sim.faults().inject(Fault.forbidden().on(FaultTarget.REFERRAL_BY_ID));

        assertThat(Http.get(url, token).status()).isEqualTo(200); // list is out of scope
        Http.Response r = Http.get(url + "/" + sim.referrals().ids().getFirst(), token);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("accessDenied");
    }

    @Test
    void delayTriggersClientTimeout() {
        sim.faults().inject(Fault.delay(Duration.ofMillis(1500)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMillis(300))
                .build();

        assertThatThrownBy(() -> Http.CLIENT.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(Http.get(url, token).status()).isEqualTo(200);
    }

    @Test
    void faultOnPageKOnly() {
        sim.faults().inject(Fault.serviceUnavailable(1).onPage(2));

        JsonNode page1 = Http.get(url + "?$top=10", token).json();
        String next = page1.get("@odata.nextLink").asText();
        Http.Response page2 = Http.get(next, token);
        Http.Response retry = Http.get(next, token);

        assertThat(page2.status()).isEqualTo(503);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("value")).hasSize(10);
    }

    @Test
    void malformedPageIsTruncatedJson() {
        sim.faults().inject(Fault.malformedPage());

        Http.Response r = Http.get(url, token);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThatThrownBy(r::json).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextLinkLoopReturnsTheSameLinkAgain() {
        sim.faults().inject(Fault.nextLinkLoop().onPage(2));

        String next =
                Http.get(url + "?$top=10", token).json().get("@odata.nextLink").asText();
        JsonNode page2 = Http.get(next, token).json();

        assertThat(page2.get("@odata.nextLink").asText()).isEqualTo(next);
    }

    @Test
    void foreignNextLinkPointsAtAnotherHostThatRecordsWhatItGets() {
        sim.faults().inject(Fault.foreignNextLink());

        String next =
                Http.get(url + "?$top=10", token).json().get("@odata.nextLink").asText();

        assertThat(next).startsWith(sim.foreignHost().baseUrl() + "/v1.0/engagements/referrals?$skiptoken=");
        assertThat(URI.create(next).getHost())
                .isNotEqualTo(URI.create(sim.baseUrl()).getHost());
        // A careful client follows it (if at all) without the bearer token; the foreign journal proves which it did.
        Http.get(next, null);
        assertThat(sim.foreignHost().journal().all()).hasSize(1).noneMatch(RecordedRequest::hasAuthorization);
        Http.get(next, token);
        assertThat(sim.foreignHost().journal().last().orElseThrow().hasAuthorization())
                .isTrue();
    }

    @Test
    void tokenEndpointFaults() {
        sim.faults().inject(Fault.tooManyRequests(2).on(FaultTarget.TOKEN));

        Http.Response r = Http.postForm(
                sim.baseUrl() + "/t/oauth2/v2.0/token",
                Map.of("grant_type", "refresh_token", "refresh_token", "x", "client_id", "c"));

        assertThat(r.status()).isEqualTo(429);
        assertThat(Http.get(url, token).status()).isEqualTo(200);
    }

    @Test
    void faultsCanBeInjectedOverHttp() {
        Http.Response injected = Http.post(sim.baseUrl() + "/_simulator/faults?kind=503&retryAfter=4&times=2&page=1");

        assertThat(injected.status()).isEqualTo(200);
        assertThat(sim.faults().pending()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Fault.Kind.SERVICE_UNAVAILABLE);
            assertThat(f.times()).isEqualTo(2);
            assertThat(f.page()).isEqualTo(1);
            assertThat(f.retryAfterSeconds()).isEqualTo(4);
        });
        assertThat(Http.get(url, token).status()).isEqualTo(503);
        assertThat(Http.post(sim.baseUrl() + "/_simulator/faults?kind=bogus").status())
                .isEqualTo(400);
    }
}
