package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging, the OData subset, get-by-id and the response headers, over real HTTP. */
class ReferralsApiTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-10T09:00:00Z"));
    private static PartnerCenterSimulator sim;
    private static String token;

    @BeforeAll
    static void start() {
        sim = PartnerCenterSimulator.builder()
                .seed(7)
                .referrals(45)
                .clock(CLOCK)
                .build()
                .start();
        token = sim.identity().issueAccessToken();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.faults().clear();
        sim.journal().clear();
    }

    private static String list(String query) {
        return sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH + (query.isEmpty() ? "" : "?" + query);
    }

    private static JsonNode get(String url) {
        Http.Response r = Http.get(url, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Follows nextLinks to the end; returns the pages. */
    private static List<JsonNode> all(String firstUrl) {
        List<JsonNode> pages = new ArrayList<>();
        String next = firstUrl;
        while (next != null) {
            JsonNode page = get(next);
            pages.add(page);
            next = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            assertThat(pages).hasSizeLessThan(100);
        }
        return pages;
    }

    private static List<String> ids(List<JsonNode> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(p -> p.get("value").forEach(v -> ids.add(v.path("id").asText())));
        return ids;
    }

    private static String filter(String expr) {
        return "$filter=" + Http.enc(expr);
    }

    @Test
    void pagesThroughEverythingWithTop() {
        List<JsonNode> pages = all(list("$top=10"));

        assertThat(pages).hasSize(5);
        assertThat(pages.getFirst().path("@odata.count").asInt()).isEqualTo(45);
        assertThat(pages.getFirst().path("@odata.context").asText()).endsWith("/v1.0/$metadata#Referrals");
        assertThat(pages.subList(0, 4))
                .allSatisfy(p -> assertThat(p.get("value")).hasSize(10));
        assertThat(pages.getLast().get("value")).hasSize(5);
        assertThat(pages.getLast().has("@odata.nextLink")).isFalse();
        assertThat(ids(pages))
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(sim.referrals().ids());
        assertThat(pages.getFirst().get("@odata.nextLink").asText())
                .startsWith(sim.baseUrl() + "/v1.0/engagements/referrals?$skiptoken=");
    }

    @Test
    void sameSkiptokenGivesSamePage() {
        String next = get(list("$top=10&" + filter("direction eq 'Incoming'")))
                .get("@odata.nextLink")
                .asText();

        JsonNode once = get(next);
        JsonNode twice = get(next);

        assertThat(twice).isEqualTo(once);
        assertThat(next).doesNotContain("Incoming"); // opaque: not the query in clear text
    }

    @Test
    void skiptokenCarriesTheQuery() {
        List<JsonNode> pages = all(list("$top=3&" + filter("status eq 'New'")));

        assertThat(pages.size()).isGreaterThanOrEqualTo(2);
        pages.forEach(p -> p.get("value")
                .forEach(v -> assertThat(v.path("status").asText()).isEqualTo("New")));
    }

    @Test
    void defaultAndMaximumPageSizeIs100() {
        try (PartnerCenterSimulator big =
                PartnerCenterSimulator.builder().referrals(230).build().start()) {
            String t = big.identity().issueAccessToken();
            String url = big.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH;
            assertThat(Http.get(url, t).json().get("value")).hasSize(100);
            assertThat(Http.get(url + "?$top=500", t).json().get("value")).hasSize(100);
            assertThat(Http.get(url + "?$top=0", t)
                            .json()
                            .path("error")
                            .path("code")
                            .asText())
                    .isEqualTo("invalidRequest");
        }
    }

    @Test
    void filtersCombineWithAndOrAndParentheses() {
        String expr = "(status eq 'Active' or status eq 'Closed') and direction eq 'Incoming'";
        List<String> expected = sim.referrals().all().stream()
                .filter(r ->
                        Set.of("Active", "Closed").contains(r.path("status").asText()))
                .filter(r -> r.path("direction").asText().equals("Incoming"))
                .map(r -> r.path("id").asText())
                .toList();

        JsonNode page = get(list(filter(expr)));

        assertThat(expected).isNotEmpty();
        assertThat(page.path("@odata.count").asInt()).isEqualTo(expected.size());
        assertThat(ids(List.of(page))).containsExactlyElementsOf(expected);
    }

    @Test
    void substatusFilter() {
        JsonNode page = get(list(filter("substatus eq 'Pending'")));

        assertThat(page.get("value"))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v.path("substatus").asText()).isEqualTo("Pending"));
    }

    @Test
    void updatedDateTimeFilterAcceptsQuotedAndUnquotedInstants() {
        Instant cut = Instant.parse("2025-03-01T00:00:00Z");
        long expected = sim.referrals().all().stream()
                .filter(r -> !Instant.parse(r.path("updatedDateTime").asText()).isBefore(cut))
                .count();

        JsonNode unquoted = get(list(filter("updatedDateTime ge 2025-03-01T00:00:00Z")));
        JsonNode quoted = get(list(filter("updatedDateTime ge '2025-03-01T00:00:00Z'")));
        JsonNode fractional = get(list(filter("updatedDateTime ge 2025-03-01T00:00:00.0000000Z")));

        assertThat(expected).isBetween(1L, 44L);
        assertThat(unquoted.path("@odata.count").asLong()).isEqualTo(expected);
        assertThat(quoted.get("value")).isEqualTo(unquoted.get("value"));
        assertThat(fractional.get("value")).isEqualTo(unquoted.get("value"));
    }

    @Test
    void orderByUpdatedAndCreatedBothWays() {
        for (String field : List.of("updatedDateTime", "createdDateTime")) {
            List<Instant> asc = times(all(list("$top=20&$orderby=" + field + "%20asc")), field);
            List<Instant> desc = times(all(list("$top=20&$orderby=" + field + "%20desc")), field);

            assertThat(asc).hasSize(45).isSorted();
            assertThat(desc).hasSize(45).isSortedAccordingTo((a, b) -> b.compareTo(a));
        }
    }

    @Test
    void unsupportedQueriesAreInvalidRequest() {
        for (String q : List.of(
                filter("customerProfile/address/country eq 'US'"),
                filter("team/any(t:t/email eq 'x@y.com')"),
                filter("status eq New"),
                filter("status eq 'New' and"),
                filter("(status eq 'New'"),
                filter("updatedDateTime ge 'yesterday'"),
                "$orderby=name",
                "$orderby=updatedDateTime%20sideways",
                "$top=ten",
                "$skiptoken=garbage",
                "$search=x")) {
            Http.Response r = Http.get(list(q), token);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.json().path("error").path("code").asText()).as(q).isEqualTo("invalidRequest");
        }
    }

    @Test
    void updatedReferralReappearsAtTheEndOfAnAscendingSync() {
        String url = list("$top=10&$orderby=updatedDateTime%20asc");
        JsonNode first = get(url);
        String moved = first.get("value").get(0).path("id").asText();
        CLOCK.advance(java.time.Duration.ofSeconds(1));
        sim.referrals().changeStatus(moved, "Closed", "Won");

        List<JsonNode> rest = all(first.get("@odata.nextLink").asText());

        List<String> seen = new ArrayList<>(ids(List.of(first)));
        seen.addAll(ids(rest));
        assertThat(new HashSet<>(seen)).containsAll(sim.referrals().ids()); // nothing skipped
        assertThat(seen.getLast()).isEqualTo(moved);
    }

    @Test
    void getByIdReturnsEntityWithContextAndEtag() {
        String id = sim.referrals().ids().get(3);

        Http.Response r = Http.get(list("").replace("?", "") + "/" + id, token);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("@odata.context").asText()).endsWith("$metadata#Referrals/$entity");
        assertThat(r.json().path("id").asText()).isEqualTo(id);
        assertThat(r.header("ETag")).isEqualTo(r.json().path("eTag").asText());
    }

    @Test
    void getByUnknownIdIsItemNotFound() {
        Http.Response r = Http.get(list("") + "/00000000-0000-0000-0000-000000000000", token);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("itemNotFound");
    }

    @Test
    void everyResponseHasRequestIdAndEchoesCorrelationHeaders() {
        Map<String, String> headers = Map.of("MS-CorrelationId", "corr-1", "client-request-id", "creq-1");

        Http.Response a = Http.get(list("$top=1"), token, headers);
        Http.Response b = Http.get(list("$top=1"), token);

        assertThat(a.header("request-id")).isNotBlank().isNotEqualTo(b.header("request-id"));
        assertThat(a.header("MS-CorrelationId")).isEqualTo("corr-1");
        assertThat(a.header("client-request-id")).isEqualTo("creq-1");
        assertThat(b.header("MS-CorrelationId")).isNull();
        assertThat(a.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void journalRecordsQueryOptionsAndHeaders() {
        Http.get(
                list("$top=5&$orderby=updatedDateTime%20asc&" + filter("updatedDateTime ge 2024-05-01T00:00:00Z")),
                token);

        RecordedRequest r = sim.journal().referralRequests().getLast();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo(PartnerCenterSimulator.REFERRALS_PATH);
        assertThat(r.rawQuery()).contains("$top=5");
        assertThat(r.queryParam("$filter")).contains("updatedDateTime ge 2024-05-01T00:00:00Z");
        assertThat(r.queryParam("$orderby")).contains("updatedDateTime asc");
        assertThat(r.queryParam("$top")).contains("5");
        assertThat(r.header("authorization")).contains("Bearer " + token);
        assertThat(r.toString()).doesNotContain(token);
    }

    private static List<Instant> times(List<JsonNode> pages, String field) {
        List<Instant> out = new ArrayList<>();
        pages.forEach(p ->
                p.get("value").forEach(v -> out.add(Instant.parse(v.path(field).asText()))));
        return out;
    }
}
