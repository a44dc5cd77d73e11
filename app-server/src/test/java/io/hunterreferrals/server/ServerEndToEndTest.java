package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runbook phase 3.3 against the real server: trigger, the task completes, the inbox lists the referrals. */
@ExtendWith(PostgresExtension.class)
class ServerEndToEndTest {

    @TempDir
    static Path workDir;

    private static DemoMode demo;
    private static TestServer server;

    @BeforeAll
    static void start(TestPostgres pg) {
        PostgresExtension.truncateAll(pg.dataSource());
        demo = TestServer.simulator(workDir, 120);
        server = TestServer.start(demo, pg.settings(), ServerRole.ALL);
    }

    @AfterAll
    static void stop() {
        server.close();
        demo.close();
    }

    @Test
    void runbookTriggerCompletesAndTheInboxListsTheReferrals() {
        // The recurring task runs once at start-up; wait for it so this trigger queues a run of its own.
        server.awaitIdle(Duration.ofSeconds(30));

        HttpResponse<String> response = server.post("/api/referrals/sync", "");
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = TestServer.json(response);
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("enqueued").asBoolean()).isTrue();
        assertThat(body.path("message").asText()).isEqualTo("Referral sync task enqueued. Check logs for results.");
        String taskId = body.path("task_id").asText();
        assertThat(taskId).isNotBlank();

        JsonNode run = server.awaitRunFinished(taskId, Duration.ofSeconds(30));
        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.path("trigger").asText()).isEqualTo("manual");

        JsonNode inbox = server.getJson("/api/v1/partner-center/referrals?page_size=5");
        assertThat(inbox.path("total").asInt()).isPositive();
        assertThat(inbox.path("referrals")).hasSize(5);
    }

    @Test
    void healthReportsDatabaseAuthAndVersion() {
        JsonNode health = server.getJson("/healthz");
        assertThat(health.path("database").asText()).isEqualTo("connected");
        assertThat(health.path("auth").asText()).isEqualTo("ok");
        assertThat(health.path("partner_center_enabled").asBoolean()).isTrue();
        assertThat(health.path("version").asText()).isNotBlank().isNotEqualTo("unknown");
        // the commit the build was made from (a clone always has one), as `hunter --version` says it
        assertThat(health.path("commit").asText()).matches("[0-9a-f]{12}(-dirty)?");
        assertThat(server.get("/healthz/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsShowHttpTimingsAndSyncCounters() throws InterruptedException {
        server.awaitIdle(Duration.ofSeconds(30));
        server.get("/api/v1/partner-center/referrals");
        // The run is recorded as finished before listeners count it, so wait for the counter rather than the run.
        String metrics = server.get("/metrics").body();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!metrics.contains("hunter_sync_runs_total") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            metrics = server.get("/metrics").body();
        }
        assertThat(metrics)
                .contains("hunter_http_requests_seconds_count")
                .contains("route=\"/api/v1/partner-center/referrals\"")
                .contains("hunter_sync_runs_total")
                .contains("hunter_sync_referrals_total")
                .contains("hunter_partner_center_requests_total{")
                .contains("status=\"200\"");
    }
}
