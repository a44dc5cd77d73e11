package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runbook phase 4: the recurring task runs on its interval and says so; with the flag off it skips. */
@ExtendWith(PostgresExtension.class)
class ScheduledSyncTest {

    @TempDir
    static Path workDir;

    private static DemoMode demo;

    @BeforeAll
    static void simulator() {
        demo = TestServer.simulator(workDir, 30);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @BeforeEach
    void clean(TestPostgres pg) {
        PostgresExtension.truncateAll(pg.dataSource());
        demo.simulator().journal().clear();
    }

    @Test
    void theRecurringTaskRunsEveryIntervalAndLogsThatItIsDue(TestPostgres pg) {
        try (TestServer server = TestServer.start(
                demo,
                TestServer.settings(demo, pg.settings(), Duration.ofSeconds(1), true, "127.0.0.1", List.of()),
                ServerRole.WORKER)) {
            TestServer.await(Duration.ofSeconds(30), () -> scheduledRuns(pg.dataSource(), "succeeded") >= 2);
            assertThat(CapturedLogs.matching("partner_center_sync_scheduled", "task=sync-partner-center-referrals"))
                    .isNotEmpty();
            assertThat(CapturedLogs.matching("partner_center_sync_task_completed", "status=succeeded"))
                    .isNotEmpty();
            // A worker serves health and metrics only.
            assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(server.get("/api/v1/partner-center/referrals").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void withTheFeatureFlagOffScheduledTasksSkipAndTheApiRefuses(TestPostgres pg) {
        try (TestServer server = TestServer.start(
                demo,
                TestServer.settings(demo, pg.settings(), Duration.ofSeconds(1), false, "127.0.0.1", List.of()),
                ServerRole.ALL)) {
            TestServer.await(
                    Duration.ofSeconds(20),
                    () -> CapturedLogs.matching(
                                            "partner_center_sync_skipped",
                                            "reason=feature_flag_disabled",
                                            "task=sync-partner-center-referrals")
                                    .size()
                            >= 2);
            assertThat(server.post("/api/referrals/sync", "").statusCode()).isEqualTo(400);
            assertThat(scheduledRuns(pg.dataSource(), "succeeded") + scheduledRuns(pg.dataSource(), "failed"))
                    .isZero();
            assertThat(demo.simulator().journal().referralRequests()).isEmpty();
            assertThat(server.getJson("/healthz").path("partner_center_enabled").asBoolean())
                    .isFalse();
        }
    }

    private static int scheduledRuns(DataSource dataSource, String status) {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM sync_runs WHERE trigger = 'scheduled' AND status = '" + status + "'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
