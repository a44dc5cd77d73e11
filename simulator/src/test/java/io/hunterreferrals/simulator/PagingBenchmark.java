package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Not a test: a bare {@link HttpClient} paging through the simulator, for docs/benchmarks.md ("Simulator paging").
 * Args: {@code referrals pages [top [filter]]}; pages 0 means to the end. Prints generation time, ms per page, total,
 * bytes per page and the heap pools' peak (simulator and client share the JVM, so the peak covers both).
 */
final class PagingBenchmark {

    private PagingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int referrals = Integer.parseInt(args[0]);
        int pages = Integer.parseInt(args[1]);
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String filter = args.length > 3 ? args[3] : null;
        long t0 = System.nanoTime();
        try (PartnerCenterSimulator sim = PartnerCenterSimulator.builder()
                .referrals(referrals)
                .journalCapacity(16)
                .build()
                .start()) {
            long generated = System.nanoTime();
            System.gc(); // what the store itself holds, without generation garbage
            long retained = usedHeap();
            String token = sim.identity().issueAccessToken();
            String next = sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH
                    + "?$orderby=updatedDateTime%20asc&$top=" + top
                    + (filter == null ? "" : "&$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            int served = 0;
            long bytes = 0;
            long items = 0;
            long start = System.nanoTime();
            while (next != null && (pages == 0 || served < pages)) {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(next.replace(" ", "%20")))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                JsonNode page = Json.parse(r.body());
                items += page.path("value").size();
                bytes += r.body().getBytes(StandardCharsets.UTF_8).length;
                served++;
                next = page.path("@odata.nextLink").textValue();
            }
            double total = (System.nanoTime() - start) / 1e6;
            System.out.printf(
                    "referrals=%d generate=%.0f ms pages=%d items=%d ms/page=%.2f total=%.0f ms bytes/page=%d"
                            + " retainedAfterGc=%d MB peakHeap=%d MB%n",
                    referrals,
                    (generated - t0) / 1e6,
                    served,
                    items,
                    total / served,
                    total,
                    bytes / served,
                    retained >> 20,
                    peakHeap() >> 20);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
