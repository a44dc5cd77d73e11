package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Several clients page while the data changes underneath: every page is well-formed and nothing is lost. */
class ConcurrencyTest {

    @Test
    void parallelPagingWhileMutating() throws Exception {
        try (PartnerCenterSimulator sim =
                        PartnerCenterSimulator.builder().referrals(120).build().start();
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            String token = sim.identity().issueAccessToken();
            String first = sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH + "?$top=7";
            List<Future<Integer>> readers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                readers.add(pool.submit(() -> {
                    int seen = 0;
                    String next = first;
                    while (next != null) {
                        JsonNode page = Http.get(next, token).json();
                        seen += page.get("value").size();
                        next = page.has("@odata.nextLink")
                                ? page.get("@odata.nextLink").asText()
                                : null;
                    }
                    return seen;
                }));
            }
            List<String> ids = sim.referrals().ids();
            for (int i = 0; i < 60; i++) {
                sim.referrals().touch(ids.get(i));
                sim.identity().issueAccessToken();
            }
            for (Future<Integer> reader : readers) {
                // Natural order is insertion order, which updates do not change: every reader sees all 120.
                assertThat(reader.get()).isEqualTo(120);
            }
        }
    }
}
