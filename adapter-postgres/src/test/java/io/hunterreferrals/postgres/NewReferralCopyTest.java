package io.hunterreferrals.postgres;

import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.referral.CustomerContact;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.WriteOutcome;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page writer inserts referrals that are not stored yet with COPY ({@link NewReferralCopy}) and everything else
 * with the upsert: both must store the same row, and a COPY that meets an id another transaction stored meanwhile must
 * hand the page to the upsert instead of failing it.
 */
@ExtendWith(PostgresExtension.class)
class NewReferralCopyTest {

    private final DataSource ds;
    private final JooqReferralStore store;
    private final JooqCompanyDirectory companies;

    NewReferralCopyTest(DataSource ds) {
        this.ds = ds;
        this.store = new JooqReferralStore(ds);
        this.companies = new JooqCompanyDirectory(ds);
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void aReferralInsertedByCopyIsStoredExactlyAsTheUpsertStoresIt() throws Exception {
        Referral awkward = aReferral("r-1")
                .name("Şahin İnşaat\tERP \\ CRM\r\nphase 2")
                .customer(new CustomerProfile(
                        "Çağrı Ltd. Şti.\n(İzmir)",
                        "TR",
                        null,
                        List.of("ali@cagri.com.tr"),
                        List.of(),
                        List.of(new CustomerContact("Ali", "Çağrı\tVeli", "ali@cagri.com.tr", "+90 232 555 \\ 00"))))
                .notes("Call Ali\r\nbefore\t10:00 \\ not on Fridays")
                .dealValue(new DealValue(new BigDecimal("12345678901234.56789"), "TRY"))
                .createdAt(Instant.parse("2025-05-01T09:00:00.0000005Z")) // 7 fraction digits, as .NET writes them
                .updatedAt(Instant.parse("2025-05-02T10:00:00.1234565Z"))
                .expiresAt(Instant.parse("2025-08-02T10:00:00.9999995Z"))
                .raw("{\"id\":\"r-1\",\"notes\":\"line\\nbreak \\\\ tab\\t \\u00e7\",\"n\":1.50}")
                .build();
        Referral other = awkward.toBuilder().status("Closed").substatus("Won").build();

        assertThat(write(awkward)).isEqualTo(WriteOutcome.CREATED); // not stored: COPY
        String copied = storedRow("r-1");
        assertThat(write(other)).isEqualTo(WriteOutcome.UPDATED);
        assertThat(write(awkward)).isEqualTo(WriteOutcome.UPDATED); // stored: the upsert writes the same content again
        String upserted = storedRow("r-1");

        assertThat(copied)
                .contains(
                        "Şahin İnşaat\\tERP \\\\ CRM\\r\\nphase 2",
                        "12345678901234.56789",
                        "Call Ali\\r\\nbefore\\t10:00 \\\\ not on Fridays",
                        "Çağrı\\tVeli",
                        "+90 232 555 \\\\ 00");
        assertThat(copied).isEqualTo(upserted);
    }

    @Test
    void aCopyThatMeetsAnIdAnotherTransactionStoresMeanwhileLeavesThePageToTheUpsert() throws Exception {
        assertThat(writeWhileAnotherTransactionInsertsR2ThenEnds(Connection::commit))
                .containsOnly(
                        Map.entry(ReferralId.of("r-1"), WriteOutcome.CREATED),
                        Map.entry(ReferralId.of("r-2"), WriteOutcome.UPDATED));
        assertThat(contentHashes()).containsOnlyKeys("r-1", "r-2").doesNotContainValue("placeholder");
    }

    @Test
    void aCopyThatWaitedForATransactionThatRolledBackInsertsEveryRow() throws Exception {
        assertThat(writeWhileAnotherTransactionInsertsR2ThenEnds(Connection::rollback))
                .containsOnly(
                        Map.entry(ReferralId.of("r-1"), WriteOutcome.CREATED),
                        Map.entry(ReferralId.of("r-2"), WriteOutcome.CREATED));
        assertThat(contentHashes()).containsOnlyKeys("r-1", "r-2");
    }

    private interface TransactionEnd {
        void end(Connection connection) throws Exception;
    }

    /**
     * Another transaction inserts r-2 and stays open, so the page writer sees r-2 as new and copies it with r-1; once
     * the COPY waits for that row, the other transaction ends with {@code end}.
     */
    private Map<ReferralId, WriteOutcome> writeWhileAnotherTransactionInsertsR2ThenEnds(TransactionEnd end)
            throws Exception {
        try (Connection other = ds.getConnection()) {
            other.setAutoCommit(false);
            insertPlaceholder(other, "r-2");
            CompletableFuture<Map<ReferralId, WriteOutcome>> writing =
                    CompletableFuture.supplyAsync(() -> store.writePage(page(
                            record(aReferral("r-1").build()),
                            record(aReferral("r-2").build()))));
            awaitCopyWaitingForALock();
            end.end(other);
            return writing.get();
        }
    }

    private WriteOutcome write(Referral referral) {
        return store.writePage(page(record(referral))).get(referral.id());
    }

    private ReferralRecord record(Referral referral) {
        return Referrals.record(referral, companies);
    }

    private static PageWrite page(ReferralRecord... records) {
        return new PageWrite(
                SyncRunId.random(),
                List.of(records),
                List.of(),
                List.of(),
                Instant.parse("2026-11-22T12:00:00Z"),
                Optional.empty());
    }

    /** Every column but the write times, as PostgreSQL renders the row to JSON. */
    private String storedRow(String id) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT (to_jsonb(r) - 'first_seen_at' - 'synced_at' - 'changed_at' - 'linked_at' - "
                                + "'last_sync_run_id')"
                                + "::text FROM partner_center_referrals r WHERE referral_id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private Map<String, String> contentHashes() throws Exception {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT referral_id, content_hash FROM partner_center_referrals")) {
            var hashes = new java.util.HashMap<String, String>();
            while (rs.next()) {
                hashes.put(rs.getString(1), rs.getString(2));
            }
            return hashes;
        }
    }

    private static void insertPlaceholder(Connection c, String id) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO partner_center_referrals (referral_id, raw_data, "
                + "content_hash) VALUES (?, '{}', 'placeholder')")) {
            st.setString(1, id);
            st.executeUpdate();
        }
    }

    /** Until the page writer's COPY waits for the other transaction's row (a lock wait on its transaction id). */
    private void awaitCopyWaitingForALock() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND query LIKE 'COPY partner_center_referrals%'")) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("The page writer's COPY never waited for the other transaction");
    }
}
