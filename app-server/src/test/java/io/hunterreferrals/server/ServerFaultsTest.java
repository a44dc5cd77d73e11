package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.Fault;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix's server side (the full matrix runs through {@code hunter sync}, app-cli): a run the server starts
 * records what went wrong where the operator looks (the run, {@code /sync/status}, the quarantine), and the next
 * trigger recovers without anyone touching the server.
 */
@ExtendWith(PostgresExtension.class)
class ServerFaultsTest {

    @TempDir
    static Path workDir;

    private static DemoMode demo;
    private static TestServer server;

    @BeforeAll
    static void start(TestPostgres pg) {
        PostgresExtension.truncateAll(pg.dataSource());
        demo = TestServer.simulator(workDir, 250);
        server = TestServer.start(demo, pg.settings(), ServerRole.ALL);
        server.awaitIdle(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        server.close();
        demo.close();
    }

    @Test
    void aPartnerCenterOutageFailsTheRunWithItsReasonAndTheNextTriggerRecovers() {
        server.awaitIdle(Duration.ofSeconds(60));
        demo.simulator().faults().inject(Fault.serviceUnavailable(1).times(20));

        JsonNode failed =
                server.awaitRunFinished(server.triggerSync().path("task_id").asText(), Duration.ofSeconds(60));

        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("partner_center_unavailable");
        assertThat(failed.path("error").path("http_status").asInt()).isEqualTo(503);
        assertThat(failed.path("error").path("request_id").asText()).isNotBlank();
        JsonNode status = server.getJson("/api/v1/partner-center/sync/status").path("last_finished");
        assertThat(status.path("task_id").asText())
                .isEqualTo(failed.path("task_id").asText());

        demo.simulator().faults().clear();
        JsonNode recovered =
                server.awaitRunFinished(server.triggerSync().path("task_id").asText(), Duration.ofSeconds(60));
        assertThat(recovered.path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void aReferralWithoutAnIdMakesTheServersRunPartialAndIsQuarantined() {
        // long before the watermark: only a full run meets it, so the other test's incremental runs never do
        demo.simulator()
                .referrals()
                .injectRaw("{\"name\":\"no id\",\"direction\":\"Incoming\",\"status\":\"New\","
                        + "\"updatedDateTime\":\"2001-01-01T00:00:00Z\"}");

        server.awaitIdle(Duration.ofSeconds(60)); // so the trigger queues a full run of its own
        JsonNode trigger = TestServer.json(server.post("/api/v1/partner-center/referrals/sync", "{\"mode\":\"full\"}"));
        assertThat(trigger.path("enqueued").asBoolean()).as(trigger.toString()).isTrue();
        String taskId = trigger.path("task_id").asText();
        JsonNode partial = server.awaitRunFinished(taskId, Duration.ofSeconds(60));

        assertThat(partial.path("status").asText()).isEqualTo("partial");
        assertThat(partial.path("failed_reasons").path("missing_id").asInt()).isEqualTo(1);
        JsonNode quarantine = server.getJson("/api/v1/partner-center/sync/failures");
        assertThat(quarantine.path("total").asInt()).isEqualTo(1);
        assertThat(quarantine.path("failures").get(0).path("last_task_id").asText())
                .isEqualTo(partial.path("task_id").asText());
        assertThat(server.getJson("/healthz").path("last_sync").path("status").asText())
                .isEqualTo("partial");
    }
}
