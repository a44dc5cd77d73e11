package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.PARTNER_CENTER_REFERRALS;
import static io.hunterreferrals.postgres.jooq.Tables.SYNC_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.postgres.jooq.tables.records.PartnerCenterReferralsRecord;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SchemaTest {

    private final DataSource ds;
    private final DSLContext dsl;

    SchemaTest(DataSource ds) {
        this.ds = ds;
        this.dsl = Seed.dsl(ds);
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void migratesAnEmptyDatabase(TestPostgres pg) throws SQLException {
        String name = "empty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        exec(ds, "CREATE DATABASE " + name);
        try (Database db = Database.open(
                DatabaseSettings.external(DatabaseUrl.parse(pg.jdbcUrlFor(name)), pg.user(), pg.password())
                        .withMigrateOnStart(false))) {
            assertThat(db.isEmbedded()).isFalse();
            assertThat(db.migrations()).extracting(Database.Migration::state).containsOnly("Pending");
            Database.MigrationReport report = db.migrate();
            assertThat(report.executed()).isEqualTo(14);
            assertThat(report.schemaVersion()).isEqualTo("14");
            assertThat(db.migrations())
                    .extracting(Database.Migration::version)
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14");
            assertThat(db.migrations()).extracting(Database.Migration::state).containsOnly("Success");
            assertThat(db.migrate().executed()).isZero();
            assertThat(query(db.dataSource(), "SELECT extname FROM pg_extension ORDER BY extname"))
                    .extracting(r -> r.get("extname"))
                    .contains("pg_trgm", "unaccent");
            assertThat(query(
                            db.dataSource(),
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                    + "'public' ORDER BY 1"))
                    .extracting(r -> r.get("table_name"))
                    .containsExactly(
                            "companies",
                            "dynamics_push_runs",
                            "dynamics_push_state",
                            "flyway_schema_history",
                            "notification_deliveries",
                            "notification_events",
                            "notification_gone_targets",
                            "partner_center_referrals",
                            "scheduled_tasks",
                            "sync_quarantine",
                            "sync_runs",
                            "sync_state",
                            "webhook_hints");
            assertThat(query(db.dataSource(), "SELECT id FROM sync_state")).hasSize(1);
        } finally {
            exec(ds, "DROP DATABASE " + name + " WITH (FORCE)");
        }
    }

    @Test
    void runbookQueriesRunVerbatimAndReturnRows() throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long contoso = Seed.company(dsl, "contoso.com.tr", "Contoso");
        Seed.company(dsl, "other.com", "Other");
        PartnerCenterReferralsRecord linked = Seed.referral("r-1", "Contoso", "contoso.com.tr", "co-sell", now);
        linked.setLinkStatus("auto_linked");
        linked.setLinkedCompanyId(contoso);
        Seed.insert(dsl, linked);
        Seed.insert(dsl, Seed.referral("r-2", "Fabrikam", "fabrikam.com", "marketplace", now.minusMinutes(1)));
        Seed.insert(dsl, Seed.referral("r-3", "Northwind", "northwind.io", "solution-provider", now.minusMinutes(2)));
        Seed.insert(dsl, Seed.referral("r-4", "No Domain Ltd", null, null, now.minusMinutes(3)));
        Seed.insert(dsl, Seed.referral("r-5", "Old Corp", "old.example", "co-sell", now.minusHours(2)));

        assertThat(query(ds, "SELECT COUNT(*) FROM partner_center_referrals;"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("count")).isEqualTo("5"));

        List<Map<String, String>> top5 = query(ds, """
                SELECT referral_id, referral_type, company_name, domain, status, synced_at FROM partner_center_referrals ORDER BY synced_at DESC LIMIT 5;""");
        assertThat(top5).extracting(r -> r.get("referral_id")).containsExactly("r-1", "r-2", "r-3", "r-4", "r-5");
        assertThat(top5.get(0))
                .containsEntry("referral_type", "co-sell")
                .containsEntry("company_name", "Contoso")
                .containsEntry("domain", "contoso.com.tr")
                .containsEntry("status", "Active");
        assertThat(top5.get(0).get("synced_at")).isNotNull();

        assertThat(query(
                        ds,
                        "SELECT referral_type, COUNT(*) as count FROM partner_center_referrals GROUP "
                                + "BY referral_type;"))
                .extracting(r -> r.get("referral_type") + "=" + r.get("count"))
                .containsExactlyInAnyOrder("co-sell=2", "marketplace=1", "solution-provider=1", "null=1");

        assertThat(query(
                        ds,
                        "SELECT MAX(synced_at) as last_sync, COUNT(*) as total_referrals FROM "
                                + "partner_center_referrals;"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get("last_sync")).isNotNull();
                    assertThat(r.get("total_referrals")).isEqualTo("5");
                });

        assertThat(query(ds, """
                SELECT referral_id, domain, referral_type, synced_at FROM partner_center_referrals WHERE synced_at > NOW() - INTERVAL '5 minutes' ORDER BY synced_at DESC;""")).extracting(r -> r.get("referral_id")).containsExactly("r-1", "r-2", "r-3", "r-4");

        assertThat(query(ds, """
                SELECT pc.domain, c.domain as company_domain FROM partner_center_referrals pc LEFT JOIN companies c ON c.domain = pc.domain WHERE pc.domain IS NOT NULL LIMIT 5;"""))
                .extracting(r -> r.get("domain") + "->" + r.get("company_domain"))
                .containsExactlyInAnyOrder(
                        "contoso.com.tr->contoso.com.tr",
                        "fabrikam.com->null",
                        "northwind.io->null",
                        "old.example->null");

        assertThat(query(ds, """
                SELECT pc.domain, pc.link_status, c.id as company_id FROM partner_center_referrals pc LEFT JOIN companies c ON c.domain = pc.domain WHERE pc.domain IS NOT NULL LIMIT 10;"""))
                .extracting(r -> r.get("domain") + "|" + r.get("link_status") + "|" + r.get("company_id"))
                .containsExactlyInAnyOrder(
                        "contoso.com.tr|auto_linked|" + contoso,
                        "fabrikam.com|unlinked|null",
                        "northwind.io|unlinked|null",
                        "old.example|unlinked|null");
    }

    @Test
    void jooqRoundTripKeepsJsonbAndGeneratedSearchColumn() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Seed.insert(dsl, Seed.referral("r-json", "ŞAHİN Ltd", "sahin.com.tr", "co-sell", now));
        PartnerCenterReferralsRecord back = dsl.selectFrom(PARTNER_CENTER_REFERRALS)
                .where(PARTNER_CENTER_REFERRALS.REFERRAL_ID.eq("r-json"))
                .fetchSingle();
        assertThat(back.getRawData())
                .isEqualTo(JSONB.valueOf("{\"id\": \"r-json\", \"customerProfile\": {\"name\": \"ŞAHİN Ltd\"}}"));
        assertThat(back.getSearchText()).startsWith("sahin ltd ");
        assertThat(back.getLinkStatus()).isEqualTo("unlinked");
        assertThat(dsl.fetchValue("SELECT pg_typeof(raw_data)::text FROM partner_center_referrals"))
                .isEqualTo("jsonb");
    }

    @Test
    void constraintsRejectBadEnumeratedValuesAndInconsistentLinks() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Seed.insert(dsl, Seed.referral("ok", "Ok", "ok.com", "co-sell", now));

        assertCheckViolation(
                () -> Seed.insert(dsl, Seed.referral("a", "A", "a.com", "Co-Sell", now)), "pcr_referral_type_check");
        PartnerCenterReferralsRecord badLink = Seed.referral("b", "B", "b.com", null, now);
        badLink.setLinkStatus("linked");
        assertCheckViolation(() -> Seed.insert(dsl, badLink), "pcr_link_status_check");
        PartnerCenterReferralsRecord linkedWithoutCompany = Seed.referral("c", "C", "c.com", null, now);
        linkedWithoutCompany.setLinkStatus("auto_linked");
        assertCheckViolation(() -> Seed.insert(dsl, linkedWithoutCompany), "pcr_linked_company_consistent");
        PartnerCenterReferralsRecord badSource = Seed.referral("d", "D", "d.com", null, now);
        badSource.setDomainSource("website");
        assertCheckViolation(() -> Seed.insert(dsl, badSource), "pcr_domain_source_check");
        PartnerCenterReferralsRecord upperDomain = Seed.referral("e", "E", "Example.COM", null, now);
        assertCheckViolation(() -> Seed.insert(dsl, upperDomain), "pcr_domain_normalized");
        PartnerCenterReferralsRecord domainWithoutSource = Seed.referral("f", "F", "f.com", null, now);
        domainWithoutSource.setDomainSource(null);
        assertCheckViolation(() -> Seed.insert(dsl, domainWithoutSource), "pcr_domain_has_origin");
        PartnerCenterReferralsRecord rejectedButHasDomain = Seed.referral("f2", "F2", "f2.com", null, now);
        rejectedButHasDomain.setDomainRejection("consumer_mailbox");
        assertCheckViolation(() -> Seed.insert(dsl, rejectedButHasDomain), "pcr_domain_rejection_only_without_domain");
        // no usable domain: the rejected host, its source and the reason are kept for operators
        PartnerCenterReferralsRecord rejected = Seed.referral("f3", "F3", null, null, now);
        rejected.setRawDomain("gmail.com");
        rejected.setDomainSource("customer_team_email");
        rejected.setDomainRejection("consumer_mailbox");
        Seed.insert(dsl, rejected);
        PartnerCenterReferralsRecord badRule = Seed.referral("g", "G", "g.com", "co-sell", now);
        badRule.setClassificationRule("rule three");
        assertCheckViolation(() -> Seed.insert(dsl, badRule), "pcr_classification_rule_format");
        PartnerCenterReferralsRecord arrayJson = Seed.referral("h", "H", "h.com", null, now);
        arrayJson.setRawData(JSONB.valueOf("[]"));
        assertCheckViolation(() -> Seed.insert(dsl, arrayJson), "pcr_raw_data_is_object");
        PartnerCenterReferralsRecord unknownCompany = Seed.referral("i", "I", "i.com", null, now);
        unknownCompany.setLinkStatus("manual_linked");
        unknownCompany.setLinkedCompanyId(424242L);
        assertThatThrownBy(() -> Seed.insert(dsl, unknownCompany)).hasMessageContaining("foreign key");
        PartnerCenterReferralsRecord duplicate = Seed.referral("ok", "Ok", "ok.com", "co-sell", now);
        assertThatThrownBy(() -> Seed.insert(dsl, duplicate)).hasMessageContaining("partner_center_referrals_pkey");

        assertCheckViolation(
                () -> exec(ds, "INSERT INTO companies (domain, name, source) VALUES ('Big.com', 'Big', 'manual')"),
                "companies_domain_normalized");
        assertCheckViolation(
                () -> exec(ds, "INSERT INTO companies (domain, name, source) VALUES ('a b.com', 'AB', 'manual')"),
                "companies_domain_normalized");
        assertCheckViolation(
                () -> exec(ds, "INSERT INTO companies (domain, name, source) VALUES ('x.com', 'X', 'crm')"),
                "companies_source_check");
        assertThatThrownBy(() -> exec(ds, "INSERT INTO companies (domain, source) VALUES ('y.com', 'manual')"))
                .hasMessageContaining("null value in column \"name\"");

        assertCheckViolation(
                () -> exec(
                        ds,
                        "INSERT INTO sync_runs (run_id, trigger, mode, status) "
                                + "VALUES (gen_random_uuid(), 'cron', 'full', 'queued')"),
                "sync_runs_trigger_check");
        assertCheckViolation(
                () -> exec(
                        ds,
                        "INSERT INTO sync_runs (run_id, trigger, mode, status) "
                                + "VALUES (gen_random_uuid(), 'cli', 'delta', 'queued')"),
                "sync_runs_mode_check");
        assertCheckViolation(
                () -> exec(
                        ds,
                        "INSERT INTO sync_runs (run_id, trigger, mode, status, started_at) "
                                + "VALUES (gen_random_uuid(), 'cli', 'full', 'done', now())"),
                "sync_runs_status_check");
        assertCheckViolation(
                () -> exec(
                        ds,
                        "INSERT INTO sync_runs (run_id, trigger, mode, status, started_at, "
                                + "finished_at) VALUES (gen_random_uuid(), 'cli', 'full', 'failed', now(), now())"),
                "sync_runs_failed_has_code");
        assertCheckViolation(
                () -> exec(
                        ds,
                        "INSERT INTO sync_runs (run_id, trigger, mode, status) "
                                + "VALUES (gen_random_uuid(), 'cli', 'full', 'running')"),
                "sync_runs_started_check");
        assertCheckViolation(
                () -> exec(
                        ds,
                        "INSERT INTO sync_runs (run_id, trigger, mode, status, started_at, "
                                + "finished_at, error_code) VALUES (gen_random_uuid(), 'cli', 'full', "
                                + "'succeeded', now(), now(), 'x')"),
                "sync_runs_failed_has_code");
        assertCheckViolation(
                () -> exec(
                        ds,
                        "INSERT INTO sync_runs (run_id, trigger, mode, status, skipped_reasons) "
                                + "VALUES (gen_random_uuid(), 'cli', 'full', 'queued', '[1]')"),
                "sync_runs_reasons_are_objects");
        assertCheckViolation(() -> exec(ds, "INSERT INTO sync_state (id) VALUES (2)"), "sync_state_single_row");
    }

    @Test
    void atMostOneRunningAndOneQueuedRun() throws SQLException {
        UUID first = UUID.randomUUID();
        dsl.insertInto(SYNC_RUNS)
                .set(SYNC_RUNS.RUN_ID, first)
                .set(SYNC_RUNS.TRIGGER, "scheduled")
                .set(SYNC_RUNS.MODE, "incremental")
                .set(SYNC_RUNS.STATUS, "running")
                .set(SYNC_RUNS.STARTED_AT, OffsetDateTime.now())
                .execute();
        assertThatThrownBy(() -> exec(
                        ds,
                        "INSERT INTO sync_runs (run_id, trigger, mode, status, started_at) "
                                + "VALUES (gen_random_uuid(), 'manual', 'full', 'running', now())"))
                .hasMessageContaining("sync_runs_one_running");
        // one may wait in the queue, but only one
        exec(
                ds,
                "INSERT INTO sync_runs (run_id, trigger, mode, status) VALUES (gen_random_uuid(), 'manual', "
                        + "'full', 'queued')");
        assertThatThrownBy(() -> exec(
                        ds,
                        "INSERT INTO sync_runs (run_id, trigger, mode, status) "
                                + "VALUES (gen_random_uuid(), 'cli', 'full', 'queued')"))
                .hasMessageContaining("sync_runs_one_queued");
        // promoting the queued run while one still runs is refused; after the first finishes it works
        assertThatThrownBy(() ->
                        exec(ds, "UPDATE sync_runs SET status = 'running', started_at = now() WHERE status = 'queued'"))
                .hasMessageContaining("sync_runs_one_running");
        exec(ds, "UPDATE sync_runs SET status = 'succeeded', finished_at = now() WHERE run_id = '" + first + "'");
        exec(ds, "UPDATE sync_runs SET status = 'running', started_at = now() WHERE status = 'queued'");
        assertThat(query(ds, "SELECT status, COUNT(*) AS n FROM sync_runs GROUP BY status ORDER BY status"))
                .extracting(r -> r.get("status") + "=" + r.get("n"))
                .containsExactly("running=1", "succeeded=1");
    }

    @Test
    void searchIsCaseAndAccentInsensitiveForTurkishText() throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Seed.insert(dsl, Seed.referral("t-1", "ŞAHİN Ltd", "sahinltd.com.tr", "co-sell", now));
        Seed.insert(dsl, Seed.referral("t-2", "İstanbul Bilişim A.Ş.", null, null, now));
        Seed.insert(dsl, Seed.referral("t-3", "Çağrı Gıda Işık", "cagri.com", null, now));
        Seed.insert(dsl, Seed.referral("t-4", "Contoso GmbH", "contoso.de", null, now));

        assertThat(search("şahin")).containsExactly("t-1");
        assertThat(search("SAHIN")).containsExactly("t-1");
        assertThat(search("istanbul")).containsExactly("t-2");
        assertThat(search("İSTANBUL")).containsExactly("t-2");
        assertThat(search("bilisim")).containsExactly("t-2");
        assertThat(search("cagri gida")).containsExactly("t-3");
        assertThat(search("ışık")).containsExactly("t-3");
        assertThat(search("contoso.de")).containsExactly("t-4");
        assertThat(search("www.cagri")).containsExactly("t-3"); // raw_domain
        assertThat(search("zzz")).isEmpty();

        // the trigram index serves this predicate
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery("EXPLAIN SELECT referral_id FROM partner_center_referrals "
                    + "WHERE search_text LIKE '%' || f_search_norm('şahin') || '%'")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            st.execute("RESET enable_seqscan");
            assertThat(plan.toString()).contains("pcr_search_text_trgm_idx");
        }
    }

    private List<String> search(String term) {
        return dsl.select(PARTNER_CENTER_REFERRALS.REFERRAL_ID)
                .from(PARTNER_CENTER_REFERRALS)
                .where(PARTNER_CENTER_REFERRALS.SEARCH_TEXT.like(org.jooq
                        .impl
                        .DSL
                        .inline("%")
                        .concat(org.jooq.impl.DSL.function("f_search_norm", String.class, org.jooq.impl.DSL.val(term)))
                        .concat(org.jooq.impl.DSL.inline("%"))))
                .orderBy(PARTNER_CENTER_REFERRALS.REFERRAL_ID)
                .fetch(PARTNER_CENTER_REFERRALS.REFERRAL_ID);
    }

    private static void assertCheckViolation(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String constraint) {
        assertThatThrownBy(call).hasMessageContaining("violates check constraint \"" + constraint + "\"");
    }

    static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static List<Map<String, String>> query(DataSource ds, String sql) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
