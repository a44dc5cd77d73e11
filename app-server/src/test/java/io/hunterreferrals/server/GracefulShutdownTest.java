package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.Fault;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Closing the server mid-sync lets the page in hand finish and records the run's outcome: nothing stays running. */
@ExtendWith(PostgresExtension.class)
class GracefulShutdownTest {

    @TempDir
    Path workDir;

    @Test
    void aRunningSyncStopsAfterItsPageAndIsRecorded(TestPostgres pg) throws SQLException {
        PostgresExtension.truncateAll(pg.dataSource());
        try (DemoMode demo = TestServer.simulator(workDir, 1_000)) {
            String taskId;
            TestServer server = TestServer.start(demo, pg.settings(), ServerRole.ALL);
            try {
                server.awaitIdle(Duration.ofSeconds(30));
                demo.simulator()
                        .faults()
                        .inject(Fault.delay(Duration.ofMillis(400)).times(1_000));
                // A full run re-reads all ten pages; an incremental one after the start-up run would be one page.
                JsonNode trigger =
                        TestServer.json(server.post("/api/v1/partner-center/referrals/sync", "{\"mode\": \"full\"}"));
                taskId = trigger.path("task_id").asText();
                TestServer.await(
                        Duration.ofSeconds(20),
                        () -> server.getJson("/api/v1/partner-center/sync/runs/" + taskId)
                                        .path("pages_fetched")
                                        .asInt()
                                >= 1);
            } finally {
                server.close();
            }
            try (Connection c = pg.dataSource().getConnection();
                    PreparedStatement st = c.prepareStatement(
                            "SELECT status, error_code, pages_fetched FROM sync_runs WHERE run_id = ?")) {
                st.setObject(1, UUID.fromString(taskId));
                try (ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("status")).isEqualTo("failed");
                    assertThat(rs.getString("error_code")).isEqualTo("interrupted");
                    assertThat(rs.getInt("pages_fetched")).isBetween(1, 9);
                }
            }
        }
    }
}
