package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What must hold after any fault (issue 17's fault matrix): the watermark never passes a referral that was not stored,
 * no run stays running, and once the fault heals the next runs store exactly what the simulator holds under the
 * product's default rules (Incoming; new ones only when New or Active), with nothing left to create or update.
 */
final class SyncInvariants {

    private SyncInvariants() {}

    record Run(String status, String errorCode) {}

    static Run lastRun(DataSource ds) {
        return query(
                ds,
                "SELECT status, error_code FROM sync_runs ORDER BY requested_at DESC LIMIT 1",
                rs -> rs.next() ? new Run(rs.getString(1), rs.getString(2)) : null);
    }

    /** Every referral the rules take in and the watermark has passed is stored. */
    static void assertWatermarkCoversOnlyStoredReferrals(PartnerCenterSimulator sim, DataSource ds) {
        Instant watermark = query(
                ds,
                "SELECT watermark FROM sync_state",
                rs -> rs.next() && rs.getTimestamp(1) != null
                        ? rs.getTimestamp(1).toInstant()
                        : null);
        if (watermark == null) {
            return;
        }
        Set<String> stored = storedIds(ds);
        Set<String> passed = new TreeSet<>();
        for (JsonNode referral : sim.referrals().all()) {
            if (takenIn(referral)
                    && !Instant.parse(referral.path("updatedDateTime").asText()).isAfter(watermark)) {
                passed.add(referral.path("id").asText());
            }
        }
        passed.removeAll(stored);
        assertThat(passed)
                .as("referrals at or before the watermark %s that are not stored", watermark)
                .isEmpty();
    }

    /** With the fault healed: an incremental run succeeds, and a full run after it has nothing to create or update. */
    static void assertNextRunsRecover(PartnerCenterSimulator sim, Cli cli, DataSource ds) {
        Cli.Result next = cli.run("sync");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertWatermarkCoversOnlyStoredReferrals(sim, ds);
        Cli.Result full = cli.run("sync", "--full");
        assertThat(full.exitCode()).as(full.toString()).isZero();
        assertThat(full.out())
                .as("nothing lost or half-written")
                .contains("Success: 0 created, 0 updated", "  - Failed: 0");
        Set<String> expected = new TreeSet<>();
        sim.referrals().all().stream()
                .filter(SyncInvariants::takenIn)
                .forEach(r -> expected.add(r.path("id").asText()));
        assertThat(new TreeSet<>(storedIds(ds))).isEqualTo(expected);
        int unfinished = query(
                ds,
                "SELECT count(*) FROM sync_runs WHERE status IN ('running', 'queued')",
                rs -> rs.next() ? rs.getInt(1) : -1);
        assertThat(unfinished).as("runs left running").isZero();
    }

    private static boolean takenIn(JsonNode referral) {
        String status = referral.path("status").asText();
        return referral.path("direction").asText().equals("Incoming")
                && (status.equals("New") || status.equals("Active"));
    }

    private static Set<String> storedIds(DataSource ds) {
        return query(ds, "SELECT referral_id FROM partner_center_referrals", rs -> {
            Set<String> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        });
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T query(DataSource ds, String sql, Reader<T> reader) {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
