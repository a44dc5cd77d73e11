package io.hunterreferrals.postgres;

import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A sync that finds a referral unchanged writes only synced_at and last_sync_run_id. V6 lets PostgreSQL do that as a
 * HOT update (same heap page, no index entries): no index covers those columns, and heap pages keep room for a new
 * version of every row on them.
 */
@ExtendWith(PostgresExtension.class)
class UnchangedBumpTest {

    private static final int PAGE = 100;

    private final DataSource ds;

    UnchangedBumpTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void noIndexCoversTheColumnsAnUnchangedReferralsBumpWrites() throws Exception {
        List<String> covering = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = "
                        + "'partner_center_referrals'::regclass "
                        + "AND pg_get_indexdef(indexrelid) ~ '(synced_at|last_sync_run_id)'")) {
            while (rs.next()) {
                covering.add(rs.getString(1));
            }
        }
        assertThat(covering).isEmpty();
    }

    @Test
    void aPageOfUnchangedReferralsIsBumpedWithHotUpdatesOnly() throws Exception {
        List<ReferralRecord> records = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < PAGE; i++) {
            records.add(Referrals.record(
                    aReferral("r-" + i)
                            .raw(payloadOfAbout1500Bytes("r-" + i, random))
                            .build(),
                    new JooqCompanyDirectory(ds)));
        }
        new JooqReferralStore(ds)
                .writePage(new PageWrite(
                        SyncRunId.random(), records, List.of(), List.of(), Instant.now(), Optional.empty()));

        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                long hotBefore = hotUpdates(st); // this connection's counts not yet published include earlier work
                // the statement PageWriter runs for the unchanged referrals of a page (last_sync_run_id NULL: no run)
                int bumped = st.executeUpdate("UPDATE partner_center_referrals SET synced_at = now(), "
                        + "last_sync_run_id = NULL WHERE referral_id LIKE 'r-%'");
                assertThat(bumped).isEqualTo(PAGE);
                assertThat(hotUpdates(st) - hotBefore)
                        .as("HOT updates among %d", PAGE)
                        .isEqualTo(PAGE);
            }
            c.rollback();
        }
    }

    private static long hotUpdates(Statement st) throws Exception {
        try (ResultSet rs =
                st.executeQuery("SELECT pg_stat_get_xact_tuples_hot_updated('partner_center_referrals'::regclass)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A Partner Center-sized payload that does not compress much, like real notes and contact details. */
    private static String payloadOfAbout1500Bytes(String id, Random random) {
        StringBuilder notes = new StringBuilder();
        while (notes.length() < 1_500) {
            notes.append(Long.toString(random.nextLong(), 36));
        }
        return "{\"id\":\"" + id + "\",\"notes\":\"" + notes + "\"}";
    }
}
