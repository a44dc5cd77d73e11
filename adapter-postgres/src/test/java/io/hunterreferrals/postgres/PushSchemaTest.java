package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** V10's push tables (with V11's write-back columns): their constraints, and the plan of the due query. */
@ExtendWith(PostgresExtension.class)
class PushSchemaTest {

    private static final String STATE = "INSERT INTO dynamics_push_state (referral_id, status, lead_id, lead_hash, "
            + "referral_hash, mapping_version, pushed_at, attempts, last_error_code, updated_at) VALUES ";
    private static final String RUN = "INSERT INTO dynamics_push_runs (run_id, trigger, status, started_at, "
            + "finished_at, error_code) VALUES (gen_random_uuid(), ";

    private final DataSource ds;
    private final DSLContext dsl;

    PushSchemaTest(DataSource ds) {
        this.ds = ds;
        this.dsl = Seed.dsl(ds);
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void constraintsKeepTheStatesAndRunsConsistent() throws Exception {
        exec("INSERT INTO partner_center_referrals (referral_id, raw_data, content_hash) VALUES ('r-1', '{}', 'h')");
        exec(STATE + "('r-1', 'pushed', 'lead-1', 'l', 'h', 1, now(), 0, NULL, now())");

        assertViolates(
                STATE + "('r-2', 'pushed', 'lead-2', 'l', 'h', 1, now(), 0, NULL, now())",
                "dynamics_push_state_referral_id_fkey");
        exec("DELETE FROM dynamics_push_state");
        assertViolates(STATE + "('r-1', 'sent', 'lead-1', 'l', 'h', 1, now(), 0, NULL, now())", "dps_status_check");
        assertViolates(STATE + "('r-1', 'pushed', NULL, 'l', 'h', 1, now(), 0, NULL, now())", "dps_pushed_has_lead");
        assertViolates(STATE + "('r-1', 'pushed', 'lead-1', 'l', 'h', 1, now(), 1, 'x', now())", "dps_pushed_has_lead");
        assertViolates(STATE + "('r-1', 'failed', NULL, 'l', 'h', 1, NULL, 1, NULL, now())", "dps_failed_has_reason");
        assertViolates(
                STATE + "('r-1', 'failed', NULL, 'l', 'h', 1, NULL, 0, 'refused', now())", "dps_failed_has_reason");
        exec(STATE + "('r-1', 'failed', NULL, 'l', 'h', 1, NULL, 1, 'refused', now())");
        // the sync never deletes referrals; a runbook's DELETE takes the referral's state with it
        exec("DELETE FROM partner_center_referrals WHERE referral_id = 'r-1'");
        assertThat(dsl.fetchCount(io.hunterreferrals.postgres.jooq.Tables.DYNAMICS_PUSH_STATE))
                .isZero();

        assertViolates(RUN + "'cron', 'running', now(), NULL, NULL)", "dpr_trigger_check");
        assertViolates(RUN + "'cli', 'succeeded', now(), now(), NULL)", "dpr_status_check");
        assertViolates(RUN + "'cli', 'running', now(), now(), NULL)", "dpr_finished_check");
        assertViolates(RUN + "'cli', 'success', now(), NULL, NULL)", "dpr_finished_check");
        assertViolates(RUN + "'cli', 'failed', now(), now(), NULL)", "dpr_failed_has_code");
        assertViolates(RUN + "'cli', 'partial', now(), now(), 'abandoned')", "dpr_failed_has_code");
        exec(RUN + "'after_sync', 'running', now(), NULL, NULL)");
        assertViolates(RUN + "'manual', 'running', now(), NULL, NULL)", "dynamics_push_runs_one_running");
    }

    @Test
    void v11KeepsAWriteBackOutcomeWhole() throws Exception {
        exec("INSERT INTO partner_center_referrals (referral_id, raw_data, content_hash) VALUES ('r-1', '{}', 'h')");
        exec(STATE + "('r-1', 'pushed', 'lead-1', 'l', 'h', 1, now(), 0, NULL, now())");
        String set = "UPDATE dynamics_push_state SET write_back_status = ";

        assertViolates(
                set + "'sent', write_back_at = now(), write_back_error_code = 'x'", "dps_write_back_status_check");
        assertViolates(set + "'written', write_back_at = NULL", "dps_write_back_complete");
        assertViolates(
                set + "'written', write_back_at = now(), write_back_error_code = 'x'", "dps_write_back_complete");
        assertViolates(set + "'refused', write_back_at = now()", "dps_write_back_complete");
        assertViolates(set + "NULL, write_back_at = NULL, write_back_error = 'orphan'", "dps_write_back_complete");
        exec(set + "'written', write_back_at = now()");
        exec(set + "'failed', write_back_at = now(), write_back_error_code = 'sign_in_required', "
                + "write_back_error = 'Run hunter auth login'");
    }

    /**
     * 5,000 stored referrals, all but every hundredth pushed: a page of due referrals walks both primary keys from the
     * keyset position (a merge join, or a nested loop of lookups); it never sorts or reads a whole table.
     */
    @Test
    void theDueQueryWalksThePrimaryKeysInsteadOfSortingTheTable() throws Exception {
        exec("INSERT INTO partner_center_referrals (referral_id, status, referral_type, raw_data, content_hash) "
                + "SELECT 'r-' || lpad(i::text, 5, '0'), 'Active', 'co-sell', '{}', md5(i::text) || md5('x' || i) "
                + "FROM generate_series(1, 5000) i");
        exec("INSERT INTO dynamics_push_state (referral_id, status, lead_id, lead_hash, referral_hash, "
                + "mapping_version, pushed_at, attempts, updated_at) SELECT referral_id, 'pushed', 'lead-' || "
                + "referral_id, content_hash, content_hash, 1, now(), 0, now() FROM partner_center_referrals "
                + "WHERE referral_id NOT LIKE '%00'");
        exec("ANALYZE partner_center_referrals, dynamics_push_state");
        JooqPushStateStore store = new JooqPushStateStore(ds);

        String plan = dsl.fetch("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) "
                        + dsl.renderInlined(store.dueQuery(
                                new PushFilter(java.util.Set.of(), java.util.Set.of("active")),
                                1,
                                Optional.of(ReferralId.of("r-01000")),
                                10)))
                .format();

        assertThat(store.due(PushFilter.ALL, 1, Optional.of(ReferralId.of("r-01000")), 10))
                .extracting(c -> c.referralId().value())
                .startsWith("r-01100", "r-01200")
                .hasSize(10);
        assertThat(plan)
                .contains("partner_center_referrals_pkey")
                .contains("dynamics_push_state_pkey")
                .doesNotContain("Sort")
                .doesNotContain("Seq Scan");
        // both scans start at the keyset position: a run's last page reads no more than its first
        assertThat(plan.split("referral_id > 'r-01000'", -1)).hasSizeGreaterThanOrEqualTo(3);
    }

    private void exec(String sql) throws Exception {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private void assertViolates(String sql, String constraint) {
        assertThatThrownBy(() -> exec(sql)).hasMessageContaining("\"" + constraint + "\"");
    }
}
