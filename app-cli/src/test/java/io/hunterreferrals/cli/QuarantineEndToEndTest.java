package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, defect 1, as it was found: two referrals without an id made every later incremental run re-read everything
 * updated after them (7 changes cost 3 pages instead of 1). Now they are quarantined, the run says partial (exit 3),
 * and the watermark moves on.
 */
@ExtendWith(PostgresExtension.class)
class QuarantineEndToEndTest {

    private static final String NO_ID = "{\"name\":\"no id %d\",\"direction\":\"Incoming\",\"status\":\"New\","
            + "\"updatedDateTime\":\"2020-01-0%dT00:00:00Z\"}";

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;
    private Cli cli;

    @BeforeEach
    void start(TestPostgres pg, DataSource ds) {
        PostgresExtension.truncateAll(ds);
        sim = PartnerCenterSimulator.builder()
                .referrals(250)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
        sim.referrals().injectRaw(NO_ID.formatted(1, 1));
        sim.referrals().injectRaw(NO_ID.formatted(2, 2));
        cli = Cli.against(sim, pg, dir);
        assertThat(cli.run("auth", "login").exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void referralsWithoutAnIdAreQuarantinedAndNoLongerHoldTheWatermarkBack(DataSource ds) throws Exception {
        Cli.Result first = cli.run("sync");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.PARTIAL.code());
        assertThat(first.out())
                .contains(
                        "  - Failed: 2",
                        "Failed reasons: missing_id=2",
                        "Pages fetched: 3",
                        "Partial: 2 referrals could not be stored and are quarantined (`hunter sync failures` "
                                + "shows them)");
        assertThat(first.logs()).contains("\"status\":\"partial\"");
        assertThat(strings(ds, "SELECT status FROM sync_runs")).containsExactly("partial");

        List<String> changed = sim.referrals().ids().subList(0, 7);
        changed.forEach(id -> sim.referrals().touch(id));
        Cli.Result incremental = cli.run("sync");
        assertThat(incremental.exitCode()).as(incremental.toString()).isZero();
        assertThat(incremental.out()).contains("Pages fetched: 1 (", "  - Failed: 0");

        Cli.Result failures = cli.run("sync", "failures");
        assertThat(failures.exitCode()).as(failures.toString()).isZero();
        assertThat(failures.out())
                .contains("missing_id", "Showing 2 of 2 quarantined referrals.")
                .doesNotContain("no id 1");
        JsonNode json = new ObjectMapper()
                .readTree(cli.run("sync", "failures", "--json", "--payload").out());
        assertThat(json.get("total").asInt()).isEqualTo(2);
        assertThat(json.get("failures")).allSatisfy(item -> {
            assertThat(item.get("reason").asText()).isEqualTo("missing_id");
            assertThat(item.get("times_seen").asInt()).isEqualTo(1);
            assertThat(item.get("payload").asText()).startsWith("{\"name\":\"no id ");
            assertThat(item.get("updated_date_time").asText()).startsWith("2020-01-0");
        });

        Cli.Result full = cli.run("sync", "--full");
        assertThat(full.exitCode()).as(full.toString()).isEqualTo(ExitCode.PARTIAL.code());
        JsonNode again = new ObjectMapper()
                .readTree(cli.run("sync", "failures", "--json").out());
        assertThat(again.get("failures")).hasSize(2).allSatisfy(item -> {
            assertThat(item.get("times_seen").asInt()).isEqualTo(2);
            assertThat(item.has("payload")).isFalse();
        });
    }

    @Test
    void aReferralPartnerCenterFixesLeavesTheQuarantine(DataSource ds) throws Exception {
        sim.referrals()
                .injectRaw("{\"id\":\"fix-me\",\"direction\":\"Incoming\",\"status\":\"New\","
                        + "\"updatedDateTime\":\"not a date\"}");
        assertThat(cli.run("sync").out()).contains("bad_timestamp=1");

        sim.referrals().update("fix-me", referral -> referral.put("name", "Fixed"));
        Cli.Result fixed = cli.run("sync");

        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(strings(ds, "SELECT referral_id FROM partner_center_referrals WHERE referral_id = 'fix-me'"))
                .containsExactly("fix-me");
        assertThat(strings(ds, "SELECT reason FROM sync_quarantine ORDER BY reason"))
                .containsExactly("missing_id", "missing_id");
    }

    private static List<String> strings(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
