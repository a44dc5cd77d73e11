package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The indexed pager against the straightforward definition it replaced: filter everything, sort by (field, seq), cut
 * pages. Run in-process on a few thousand referrals, for the filters the product sends and for the fallback orders.
 */
class PagingAtScaleTest {

    private static final Instant ANCHOR = Instant.parse("2025-06-30T00:00:00Z");

    private static SimulatedReferrals store(MutableClock clock, int count, long seed) {
        return new SimulatedReferrals(clock, new ReferralGenerator(seed, ANCHOR, "org"), count, seed);
    }

    private static ListQuery query(String filter, String orderBy, int top) {
        Map<String, List<String>> params = new HashMap<>();
        if (filter != null) {
            params.put("$filter", List.of(filter));
        }
        if (orderBy != null) {
            params.put("$orderby", List.of(orderBy));
        }
        params.put("$top", List.of(Integer.toString(top)));
        return ListQuery.from(params);
    }

    /** Follows the skiptokens to the end, as a client following nextLinks would. */
    private static List<JsonNode> pageThrough(SimulatedReferrals store, ListQuery query, Runnable betweenPages) {
        List<JsonNode> seen = new ArrayList<>();
        SkipToken position = new SkipToken(query, null, 1);
        while (position != null) {
            ReferralPages.Page page = store.page(SkipToken.decode(position.encode()));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(query.top());
            seen.addAll(page.items());
            position = page.next();
            betweenPages.run();
        }
        return seen;
    }

    /** The old pager's definition, over the store's JSON in insertion order. */
    private static List<String> expected(SimulatedReferrals store, ListQuery query) {
        FilterExpression filter = query.filterExpression();
        List<JsonNode> all = store.all();
        List<SortPosition> positions = new ArrayList<>();
        for (int seq = 0; seq < all.size(); seq++) {
            if (filter.test(all.get(seq))) {
                positions.add(SortPosition.of(all.get(seq), query.orderBy(), seq));
            }
        }
        positions.sort(SortPosition.order(query.descending()));
        return positions.stream()
                .map(p -> all.get((int) p.seq()).path("id").asText())
                .toList();
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(n -> n.path("id").asText()).toList();
    }

    @Test
    void everyReferralExactlyOnceInTheApiOrderForEachFilter() {
        SimulatedReferrals store = store(new MutableClock(Instant.parse("2025-07-01T00:00:00Z")), 3000, 11);
        String asc = "updatedDateTime asc";
        List<ListQuery> queries = List.of(
                query(null, asc, 100),
                query("(direction eq 'Incoming') and updatedDateTime ge 2025-03-01T00:00:00Z", asc, 100),
                query(
                        "(direction eq 'Incoming' or direction eq 'Outgoing') and updatedDateTime ge 2025-06-01T00:00:00Z",
                        asc,
                        7),
                query("status eq 'New' or substatus eq 'Won'", asc, 33),
                query("type eq 'Shared' and qualification ne 'None'", null, 50),
                query("updatedDateTime lt 2025-01-01T00:00:00Z", "updatedDateTime desc", 41),
                query("direction eq 'Outgoing'", "createdDateTime asc", 64),
                query(null, null, 100));
        for (ListQuery q : queries) {
            List<String> paged = ids(pageThrough(store, q, () -> {}));
            assertThat(paged)
                    .as(q.toString())
                    .isNotEmpty()
                    .doesNotHaveDuplicates()
                    .isEqualTo(expected(store, q));
        }
    }

    @Test
    void countAndSkipMatchTheFilter() {
        SimulatedReferrals store = store(new MutableClock(ANCHOR), 500, 3);
        ListQuery q = query("direction eq 'Incoming'", "updatedDateTime asc", 10);
        List<String> expected = expected(store, q);

        ReferralPages.Page first = store.page(new SkipToken(q, null, 1));
        ReferralPages.Page skipped =
                store.page(new SkipToken(new ListQuery(q.filter(), q.orderBy(), false, 10, 25), null, 1));

        assertThat(first.total()).isEqualTo(expected.size());
        assertThat(ids(skipped.items())).isEqualTo(expected.subList(25, 35));
    }

    @Test
    void changesBetweenPagesMoveBehindTheCursorAndNothingIsSkipped() {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-01T00:00:00Z"));
        SimulatedReferrals store = store(clock, 1000, 5);
        List<String> before = store.ids();
        ListQuery q = query("updatedDateTime ge 2024-01-01T00:00:00Z", "updatedDateTime asc", 50);
        List<String> touched = new ArrayList<>();
        int[] step = {0};

        List<String> seen = ids(pageThrough(store, q, () -> {
            clock.advance(Duration.ofSeconds(1));
            int i = step[0]++;
            if (i < 5) {
                String id = before.get(i * 7); // early in the order or not: either way it must come again, last
                store.changeStatus(id, "Closed", "Won");
                store.touch(before.get(900 - i));
                touched.add(id);
                touched.add(before.get(900 - i));
                touched.add(store.addNew());
            }
        }));

        assertThat(seen).containsAll(store.ids());
        List<String> tail = seen.subList(seen.size() - 15, seen.size());
        assertThat(tail).containsExactlyElementsOf(touched);
    }

    @Test
    void sameSeedSamePagesOtherSeedOtherData() {
        ListQuery q = query("direction eq 'Incoming'", "updatedDateTime asc", 100);
        List<String> a = pageThrough(store(new MutableClock(ANCHOR), 800, 9), q, () -> {}).stream()
                .map(Json::write)
                .toList();
        List<String> b = pageThrough(store(new MutableClock(ANCHOR), 800, 9), q, () -> {}).stream()
                .map(Json::write)
                .toList();
        List<String> other = pageThrough(store(new MutableClock(ANCHOR), 800, 10), q, () -> {}).stream()
                .map(Json::write)
                .toList();

        assertThat(a).isEqualTo(b);
        // Not disjoint: the generator seeds each stream with seed * the SplittableRandom gamma, so seed n + 1 replays
        // seed n's draws one step on and some values recur. Different data, though, and that is all a seed promises.
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void pageLatencyDelaysEveryListPage() {
        try (PartnerCenterSimulator sim = PartnerCenterSimulator.builder()
                .referrals(30)
                .pageLatency(Duration.ofMillis(120))
                .build()
                .start()) {
            String token = sim.identity().issueAccessToken();
            String url = sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH + "?$top=10";
            for (int page = 0; page < 3 && url != null; page++) {
                long start = System.nanoTime();
                Http.Response r = Http.get(url, token);
                long tookMs = (System.nanoTime() - start) / 1_000_000;

                assertThat(r.status()).isEqualTo(200);
                assertThat(tookMs).isGreaterThanOrEqualTo(120);
                url = r.json().path("@odata.nextLink").textValue();
            }
        }
    }

    @Test
    void sortedIndexOrderIsTotalEvenForEqualTimestamps() {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-01T00:00:00Z"));
        SimulatedReferrals store = store(clock, 0, 1);
        for (int i = 0; i < 120; i++) {
            store.addNew(); // all at the same instant: seq alone orders them
        }
        ListQuery q = query(null, "updatedDateTime asc", 25);

        assertThat(ids(pageThrough(store, q, () -> {}))).isEqualTo(store.ids());
        assertThat(expected(store, q)).isEqualTo(store.ids());
    }
}
