package io.hunterreferrals.app.bench;

import io.hunterreferrals.simulator.DataverseSimulator;
import io.hunterreferrals.simulator.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The floor: the {@code $batch} requests a push sent, replayed byte for byte by a bare {@link HttpClient} to another
 * simulator, one after the other, with no database and no adapter. What is left is the cost of the simulator serving
 * them (parsing the multipart body, the upserts, its journal) plus the JDK client's round trip: no push can be faster
 * than that.
 */
final class BatchFloor {

    /** One captured {@code $batch}: the body and the two headers that shape it (the boundary, continue-on-error). */
    record Batch(String path, String contentType, String prefer, String body) {}

    private BatchFloor() {}

    /** The {@code $batch} calls in a journal, in the order received (the journal keeps the bodies whole). */
    static List<Batch> captured(List<RecordedRequest> journal) {
        return journal.stream()
                .filter(BatchFloor::isBatch)
                .map(r -> new Batch(
                        r.path(),
                        r.header("Content-Type").orElseThrow(),
                        r.header("Prefer").orElse("odata.continue-on-error"),
                        r.body()))
                .toList();
    }

    static boolean isBatch(RecordedRequest r) {
        return r.method().equals("POST") && r.path().endsWith("/$batch");
    }

    /**
     * Sends every batch to {@code target}, sequentially, with the product's headers and a token the target issued.
     * Requests are built before the clock starts, so only sending and reading the answers is timed.
     *
     * @return the elapsed seconds
     */
    static double replay(List<Batch> batches, DataverseSimulator target) throws Exception {
        // Like the adapter on the loopback route: HTTP/1.1, one client, keep-alive.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String token = target.tokens().issueAccessToken();
        List<HttpRequest> requests = batches.stream()
                .map(b -> HttpRequest.newBuilder(URI.create(target.baseUrl() + b.path()))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("OData-MaxVersion", "4.0")
                        .header("OData-Version", "4.0")
                        .header("Accept", "application/json")
                        .header("Content-Type", b.contentType())
                        .header("Prefer", b.prefer())
                        .POST(HttpRequest.BodyPublishers.ofString(b.body()))
                        .build())
                .toList();
        long t0 = System.nanoTime();
        for (HttpRequest request : requests) {
            // Read as text, as the adapter does (it parses the multipart answer from a String).
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the floor's $batch got HTTP " + response.statusCode());
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
