package io.hunterreferrals.postgres;

import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.referral.CustomerContact;
import io.hunterreferrals.core.referral.CustomerProfile;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notes and the first customer contact land in their V10 columns: written by the sync from the mapped referral
 * (COPY for a new referral, the upsert for a changed one), and read from raw_data by V10's back-fill for rows a V9
 * database already held, the way adapter-partnercenter's mapper reads the payload.
 */
@ExtendWith(PostgresExtension.class)
class NotesAndContactColumnsTest {

    private final DataSource ds;

    NotesAndContactColumnsTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void theSyncWritesTheNotesAndTheFirstContactOnInsertAndOnChange() throws Exception {
        JooqReferralStore store = new JooqReferralStore(ds);
        Referral created = aReferral("r-1")
                .notes("Wants a pilot")
                .customer(profile(
                        new CustomerContact("Ana", "Example", "ana@contoso.com.tr", "+90 212 555 0000"),
                        new CustomerContact("Can", "Other", "can@contoso.com.tr", null)))
                .build();
        store.writePage(page(created)); // new: COPY

        assertThat(columns(ds, "r-1"))
                .containsExactly("Wants a pilot", "Ana", "Example", "ana@contoso.com.tr", "+90 212 555 0000");

        Referral changed = created.toBuilder()
                .status("Active")
                .notes(null)
                .customer(profile(new CustomerContact(null, "Other", null, "+90 212 555 0001")))
                .build();
        store.writePage(page(changed)); // stored: the upsert

        assertThat(columns(ds, "r-1")).containsExactly(null, null, "Other", null, "+90 212 555 0001");
    }

    @Test
    void theMigrationReadsTheColumnsOfRowsStoredBeforeItFromTheirPayload(TestPostgres pg) throws Exception {
        String name = "v10_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        SchemaTest.exec(ds, "CREATE DATABASE " + name);
        try {
            String url = pg.jdbcUrlFor(name);
            Flyway.configure()
                    .dataSource(url, pg.user(), pg.password())
                    .locations("classpath:db/migration")
                    .target("9")
                    .load()
                    .migrate();
            try (Connection c = connect(pg, url)) {
                insertTheV9Way(c, "full", """
                        {"details": {"notes": "Wants a pilot\\nin Q3 "}, "customerProfile": {"team": [
                          {"firstName": " Ana ", "lastName": "Example", "email": "ana@contoso.com.tr",
                           "phoneNumber": "+90 212 555 0000"},
                          {"firstName": "Can", "lastName": "Other"}]}}""");
                // the mapper skips null members and members that name nobody
                insertTheV9Way(c, "second-member", """
                        {"customerProfile": {"team": [null, {"firstName": "  ", "email": null, "phoneNumber": {}},
                          {"lastName": "Other", "email": "can@contoso.com.tr"}]}}""");
                insertTheV9Way(c, "one-object", """
                        {"customerProfile": {"team": {"firstName": "Ana"}}}""");
                // scalars read as their text, containers as absent, like JsonFields.textOrNull
                insertTheV9Way(c, "odd-types", """
                        {"details": {"notes": {"text": "no"}}, "customerProfile": {"team": [
                          {"firstName": 42, "lastName": ["Example"], "email": "ana@contoso.com.tr",
                           "phoneNumber": 902125550000}]}}""");
                insertTheV9Way(c, "blank", """
                        {"details": {"notes": " \\t\\n"}, "customerProfile": {"name": "Contoso", "team": []}}""");
                // shapes the mapper refuses (such a referral is quarantined, not stored) must not fail the migration
                insertTheV9Way(c, "nothing", """
                        {"id": "nothing", "details": "not an object", "customerProfile": "neither"}""");
                long untouched = xmin(c, "nothing");

                Flyway.configure()
                        .dataSource(url, pg.user(), pg.password())
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();

                assertThat(columns(c, "full"))
                        .containsExactly(
                                "Wants a pilot\nin Q3 ", "Ana", "Example", "ana@contoso.com.tr", "+90 212 555 0000");
                assertThat(columns(c, "second-member"))
                        .containsExactly(null, null, "Other", "can@contoso.com.tr", null);
                assertThat(columns(c, "one-object")).containsExactly(null, "Ana", null, null, null);
                assertThat(columns(c, "odd-types"))
                        .containsExactly(null, "42", null, "ana@contoso.com.tr", "902125550000");
                assertThat(columns(c, "blank")).containsExactly(null, null, null, null, null);
                assertThat(columns(c, "nothing")).containsExactly(null, null, null, null, null);
                assertThat(xmin(c, "nothing"))
                        .as("a row with nothing to fill is not rewritten")
                        .isEqualTo(untouched);
                try (Statement st = c.createStatement();
                        ResultSet rs =
                                st.executeQuery("SELECT count(*) FROM pg_proc WHERE proname = 'v10_lenient_text'")) {
                    rs.next();
                    assertThat(rs.getInt(1))
                            .as("the back-fill's helper is gone")
                            .isZero();
                }
            }
        } finally {
            SchemaTest.exec(ds, "DROP DATABASE " + name + " WITH (FORCE)");
        }
    }

    private static CustomerProfile profile(CustomerContact... contacts) {
        return new CustomerProfile(
                "Contoso Ltd", "TR", null, List.of("ana@contoso.com.tr"), List.of(), Arrays.asList(contacts));
    }

    private PageWrite page(Referral referral) {
        return new PageWrite(
                SyncRunId.random(),
                List.of(Referrals.record(referral, new JooqCompanyDirectory(ds))),
                List.of(),
                List.of(),
                Instant.now(),
                Optional.empty());
    }

    /** A row as V9's sync stored it: the payload, no V10 columns. */
    private static void insertTheV9Way(Connection c, String id, String rawData) throws Exception {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO partner_center_referrals (referral_id, raw_data, "
                + "content_hash) VALUES (?, ?::jsonb, ?)")) {
            st.setString(1, id);
            st.setString(2, rawData);
            st.setString(3, "hash-" + id);
            st.executeUpdate();
        }
    }

    private static List<String> columns(DataSource ds, String id) throws Exception {
        try (Connection c = ds.getConnection()) {
            return columns(c, id);
        }
    }

    private static List<String> columns(Connection c, String id) throws Exception {
        try (PreparedStatement st = c.prepareStatement("SELECT notes, contact_first_name, contact_last_name, "
                + "contact_email, contact_phone FROM partner_center_referrals WHERE referral_id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return Arrays.asList(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
            }
        }
    }

    private static long xmin(Connection c, String id) throws Exception {
        try (PreparedStatement st =
                c.prepareStatement("SELECT xmin::text::bigint FROM partner_center_referrals WHERE referral_id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect(TestPostgres pg, String url) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        if (pg.password() != null) {
            props.setProperty("password", pg.password());
        }
        return DriverManager.getConnection(url, props);
    }
}
