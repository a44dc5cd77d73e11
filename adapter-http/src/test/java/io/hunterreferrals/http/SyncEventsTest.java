package io.hunterreferrals.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncEventsTest {

    private static final String EVENTS = "/api/v1/partner-center/sync/events";

    private final ApiFixture api =
            ApiFixture.start(HttpApi.Role.API, builder -> builder.syncEventsInterval(Duration.ofMillis(100)));
    private final HttpClient client = HttpClient.newHttpClient();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        api.close();
        client.close();
    }

    @Test
    void theStatusComesOnConnectAndAgainWhenARunIsQueued() throws Exception {
        HttpResponse<Stream<String>> response = connect();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        JsonNode first = nextStatus();
        assertThat(first.get("partner_center_enabled").asBoolean()).isTrue();
        assertThat(first.get("active").isNull()).isTrue();

        String taskId =
                api.post("/api/referrals/sync", "{}").json().get("task_id").asText();
        JsonNode queued = nextStatus();
        assertThat(queued.get("active").get("task_id").asText()).isEqualTo(taskId);
        assertThat(queued.get("active").get("status").asText()).isEqualTo("queued");
    }

    @Test
    void anUnchangedStatusIsNotSentAgain() throws Exception {
        connect();
        nextStatus();
        // a second or so of ticks without a change: only keep-alive comments at most, no new event
        assertThat(lines.poll(1200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theStreamNeedsTheApiKeyLikeEveryApiRoute() throws Exception {
        try (ApiFixture secured =
                ApiFixture.start(HttpApi.Role.API, builder -> builder.apiKeys(ApiKeys.fromSetting(ApiFixture.KEY)))) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + secured.app.port() + EVENTS))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            assertThat(client.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    private HttpResponse<Stream<String>> connect() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.app.port() + EVENTS))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture.runAsync(() -> response.body().forEach(line -> {
            if (line.startsWith("data:")) {
                lines.add(line.substring(5).strip());
            }
        }));
        return response;
    }

    private JsonNode nextStatus() throws InterruptedException {
        String data = lines.poll(5, TimeUnit.SECONDS);
        assertThat(data).as("a status event within 5 s").isNotNull();
        return Json.tree(data);
    }
}
