package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.DataverseLead;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hamle 2 in the real server, against the simulated Partner Center and Dynamics 365 and a real PostgreSQL: every
 * successful sync is followed by a push on the worker, and the API pushes on demand.
 */
@ExtendWith(PostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerPushTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int REFERRALS = 40;

    @TempDir
    static Path workDir;

    private static DemoMode demo;
    private static TestServer server;

    @BeforeAll
    static void start(TestPostgres pg) {
        PostgresExtension.truncateAll(pg.dataSource());
        demo = TestServer.simulator(workDir, REFERRALS);
        HunterSettings settings = TestServer.dynamicsOn(
                demo, TestServer.settings(demo, pg.settings(), TestServer.ONE_HOUR, true, "127.0.0.1", List.of()));
        server = TestServer.startDemo(demo, settings, ServerRole.ALL);
    }

    @AfterAll
    static void stop() {
        server.close();
        demo.close();
    }

    @Test
    @Order(1)
    void theSyncAtStartIsFollowedByAPushOfEveryStoredReferral() {
        server.awaitIdle(WAIT);
        int stored = server.getJson("/api/v1/partner-center/referrals?page_size=1")
                .path("total")
                .asInt();
        assertThat(stored).isPositive();

        TestServer.await(WAIT, () -> demo.dataverse().leads().size() == stored && lastPushFinished());

        JsonNode health = server.getJson("/healthz");
        assertThat(health.path("dynamics_enabled").asBoolean()).isTrue();
        assertThat(health.path("last_push").path("trigger").asText()).isEqualTo("after_sync");
        assertThat(health.path("last_push").path("status").asText()).isEqualTo("success");
        assertThat(health.path("last_push").path("created_count").asInt()).isEqualTo(stored);
        assertThat(demo.dataverse().leads().all())
                .allSatisfy(lead ->
                        assertThat(lead.column("hnt_ispartnercenterreferral")).isEqualTo(true));
    }

    @Test
    @Order(2)
    void aChangeSyncedLaterReachesItsLeadWithoutAnyoneAsking() {
        String changed = demo.dataverse().leads().all().getFirst().referralId();
        int updatesBefore = demo.dataverse().leads().updatedCount();
        demo.simulator().referrals().changeStatus(changed, "Closed", "Won");

        String taskId = server.triggerSync().path("task_id").asText();
        server.awaitRunFinished(taskId, WAIT);

        TestServer.await(WAIT, () -> "Closed".equals(lead(changed).column("hnt_referralstatus")));
        assertThat(demo.dataverse().leads().updatedCount()).isEqualTo(updatesBefore + 1);
        assertThat(lead(changed).stateCode())
                .as("the lead's own state is the sales team's")
                .isZero();
    }

    @Test
    @Order(3)
    void theApiQueuesAWholePushAndPushesOneReferralAtOnce() {
        HttpResponse<String> queued = server.post("/api/v1/dynamics/push", "");
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(TestServer.json(queued).path("status").asText()).isIn("queued", "already_queued");
        TestServer.await(
                WAIT,
                () -> server.getJson("/api/v1/dynamics/push/runs?limit=1")
                        .path("items")
                        .path(0)
                        .path("trigger")
                        .asText()
                        .equals("manual"));
        TestServer.await(WAIT, ServerPushTest::lastPushFinished);

        String id = demo.dataverse().leads().all().getLast().referralId();
        JsonNode pushed =
                TestServer.json(server.post("/api/v1/partner-center/referrals/" + id + "/push-to-dynamics", ""));
        assertThat(pushed.path("result").asText()).isEqualTo("updated");
        assertThat(pushed.path("dynamics").path("state").path("lead_id").asText())
                .isEqualTo(lead(id).leadId().toString());

        JsonNode detail = server.getJson("/api/v1/partner-center/referrals/" + id);
        assertThat(detail.path("dynamics").path("state").path("status").asText())
                .isEqualTo("pushed");
    }

    @Test
    @Order(4)
    void metricsCountPushRunsAndLeads() {
        String metrics = server.get("/metrics").body();

        assertThat(metrics)
                .containsPattern(
                        "hunter_dynamics_push_runs_total\\{outcome=\"success\",.*trigger=\"after_sync\"} [1-9]")
                .containsPattern("hunter_dynamics_push_runs_total\\{outcome=\"success\",.*trigger=\"manual\"} [1-9]")
                .containsPattern("hunter_dynamics_push_leads_total\\{outcome=\"created\",.*} "
                        + demo.dataverse().leads().size() + "\\.0")
                .contains("hunter_dynamics_push_duration_seconds_count");
    }

    private static DataverseLead lead(String referralId) {
        return demo.dataverse().leads().byReferralId(referralId).orElseThrow();
    }

    private static boolean lastPushFinished() {
        JsonNode last = server.getJson("/healthz").path("last_push");
        return !last.isMissingNode()
                && !last.isNull()
                && !last.path("status").asText().equals("running");
    }
}
