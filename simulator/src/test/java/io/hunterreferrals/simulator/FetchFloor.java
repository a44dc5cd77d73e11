package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fetch floor (not a test): a bare {@link HttpClient} paging through a simulator running in another process
 * ({@code java -jar simulator.jar}), with the query a full sync without a direction filter sends
 * ({@code $orderby=updatedDateTime asc&$top=100}, then each {@code @odata.nextLink}), one request at a time, each page
 * parsed only to find the next link and the ids. Nothing else: no classification, no database. For
 * {@code scripts/bench-sync-e2e.sh} (docs/benchmarks.md, "End-to-end sync").
 *
 * <p>Args: {@code <simulator base URL> [--warm-up PAGES] [--ids FILE] [--top N]}. It signs in with the device-code
 * flow, approving its own code through {@code /_simulator/device/approve}; then pages through {@code --warm-up} pages
 * (untimed, for this JVM's JIT), then through every page, timed. {@code --ids} writes the ids in the order served.
 * Prints one {@code RESULT} line for scripts.
 */
final class FetchFloor {

    private static final String TENANT = "4f1e2d3c-5b6a-4789-9abc-def012345678";
    private static final String CLIENT_ID = "00000000-0000-4000-8000-00000000f100";
    private static final String SCOPE = "https://api.partner.microsoft.com/.default offline_access";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private String token;

    private FetchFloor(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FetchFloor <simulator base URL> [--warm-up PAGES] [--ids FILE] [--top N]");
            System.exit(2);
        }
        int warmUp = 0;
        int top = 100;
        Path idsFile = null;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--warm-up" -> warmUp = Integer.parseInt(args[i + 1]);
                case "--ids" -> idsFile = Path.of(args[i + 1]);
                case "--top" -> top = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FetchFloor floor = new FetchFloor(args[0]);
        floor.signIn();
        if (warmUp > 0) {
            Pass w = floor.pageThrough(top, warmUp, false);
            System.out.printf(Locale.ROOT, "warm-up: %d pages in %.2f s (untimed)%n", w.pages, w.seconds);
        }
        Pass pass = floor.pageThrough(top, 0, idsFile != null);
        if (idsFile != null) {
            try (BufferedWriter out = Files.newBufferedWriter(idsFile)) {
                for (String id : pass.ids) {
                    out.write(id);
                    out.newLine();
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT fetch_floor_seconds=%.3f pages=%d items=%d ms_per_page=%.2f chars_per_page=%d%n",
                pass.seconds,
                pass.pages,
                pass.items,
                pass.seconds * 1000 / pass.pages,
                pass.chars / Math.max(1, pass.pages));
    }

    private record Pass(int pages, long items, long chars, double seconds, List<String> ids) {}

    /** @param maxPages 0 for every page */
    private Pass pageThrough(int top, int maxPages, boolean keepIds) throws Exception {
        String next = base + PartnerCenterSimulator.REFERRALS_PATH + "?$orderby=" + encode("updatedDateTime asc")
                + "&$top=" + top;
        List<String> ids = new ArrayList<>();
        int pages = 0;
        long items = 0;
        long chars = 0;
        long t0 = System.nanoTime();
        while (next != null && (maxPages == 0 || pages < maxPages)) {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create(next.replace(" ", "%20")))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("page " + (pages + 1) + ": HTTP " + r.statusCode() + " " + r.body());
            }
            JsonNode page = Json.parse(r.body());
            for (JsonNode item : page.path("value")) {
                items++;
                if (keepIds) {
                    ids.add(item.path("id").asText());
                }
            }
            chars += r.body().length();
            pages++;
            next = page.path("@odata.nextLink").textValue();
        }
        return new Pass(pages, items, chars, (System.nanoTime() - t0) / 1e9, ids);
    }

    /** Device code, approved through the simulator's lever, redeemed for an access token. */
    private void signIn() throws Exception {
        JsonNode code = post(
                base + "/" + TENANT + "/oauth2/v2.0/devicecode", "client_id=" + CLIENT_ID + "&scope=" + encode(SCOPE));
        post(
                base + AdminEndpoint.PREFIX + "/device/approve?user_code="
                        + encode(code.path("user_code").asText()),
                "");
        JsonNode issued = post(
                base + "/" + TENANT + "/oauth2/v2.0/token",
                "grant_type=device_code&client_id=" + CLIENT_ID + "&device_code="
                        + encode(code.path("device_code").asText()));
        token = issued.path("access_token").asText();
        if (token.isEmpty()) {
            throw new IllegalStateException("no access token: " + issued);
        }
    }

    private JsonNode post(String url, String form) throws Exception {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? Json.object() : Json.parse(r.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
