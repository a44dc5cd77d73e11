package io.hunterreferrals.postgres.bench;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.InboxSort;
import io.hunterreferrals.core.query.LeadQuery;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.postgres.Database;
import io.hunterreferrals.postgres.DatabaseSettings;
import io.hunterreferrals.postgres.JooqLeadQueries;
import io.hunterreferrals.postgres.JooqReferralQueries;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Read-side timings (not a test): 1,000,000 companies and 200,000 referrals generated in SQL, then the inbox and lead
 * queries the UI runs, each timed as the median of 7 calls (rows + total). See docs/benchmarks.md.
 */
public final class QueryTimings {

    private static final int COMPANIES = 1_000_000;
    private static final int REFERRALS = 200_000;

    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("hunter-q");
        try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("pg")))) {
            DataSource ds = db.dataSource();
            long t0 = System.nanoTime();
            seed(ds);
            System.out.printf(
                    Locale.ROOT,
                    "seeded %d companies and %d referrals in %.1f s%n",
                    COMPANIES,
                    REFERRALS,
                    (System.nanoTime() - t0) / 1e9);
            JooqReferralQueries referrals = new JooqReferralQueries(ds);
            JooqLeadQueries leads = new JooqLeadQueries(ds);
            PageRequest first = new PageRequest(1, 50);
            time(
                    "inbox, first page, no filter",
                    () -> referrals.inbox(InboxQuery.ALL).total());
            time(
                    "inbox, page 100",
                    () -> referrals
                            .inbox(inbox(
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    InboxSort.DEFAULT,
                                    new PageRequest(100, 50)))
                            .total());
            time(
                    "inbox, link_status=unlinked",
                    () -> referrals
                            .inbox(inbox(
                                    Optional.of(LinkStatus.UNLINKED),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    InboxSort.DEFAULT,
                                    first))
                            .total());
            time(
                    "inbox, type=marketplace+status",
                    () -> referrals
                            .inbox(inbox(
                                    Optional.empty(),
                                    Optional.of(ReferralCategory.MARKETPLACE),
                                    Optional.of("active"),
                                    Optional.empty(),
                                    InboxSort.DEFAULT,
                                    first))
                            .total());
            time(
                    "inbox, search 'şahin 1234'",
                    () -> referrals
                            .inbox(inbox(
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of("şahin 1234"),
                                    InboxSort.DEFAULT,
                                    first))
                            .total());
            time(
                    "inbox, search 'firma' (broad)",
                    () -> referrals
                            .inbox(inbox(
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of("firma"),
                                    InboxSort.DEFAULT,
                                    first))
                            .total());
            for (InboxSort sort : InboxSort.values()) {
                time(
                        "inbox, sort " + sort.code(),
                        () -> referrals
                                .inbox(inbox(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        sort,
                                        first))
                                .total());
            }
            time("leads, first page", () -> leads.leads(LeadQuery.ALL).total());
            time(
                    "leads, page 1000",
                    () -> leads.leads(new LeadQuery(Optional.empty(), Optional.empty(), new PageRequest(1000, 50)))
                            .total());
            time(
                    "leads, type=co-sell",
                    () -> leads.leads(new LeadQuery(Optional.of(ReferralCategory.CO_SELL), Optional.empty(), first))
                            .total());
            time(
                    "leads, search 'şahin 77'",
                    () -> leads.leads(new LeadQuery(Optional.empty(), Optional.of("şahin 77"), first))
                            .total());
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static InboxQuery inbox(
            Optional<LinkStatus> link,
            Optional<ReferralCategory> type,
            Optional<String> status,
            Optional<String> search,
            InboxSort sort,
            PageRequest page) {
        return new InboxQuery(link, type, status, search, sort, page);
    }

    private static void time(String name, Supplier<Long> query) {
        long[] ms = new long[7];
        long total = 0;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            total = query.get();
            ms[i] = (System.nanoTime() - t0) / 1_000;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-40s %8.1f ms  (total %d)%n", name, ms[ms.length / 2] / 1000.0, total);
    }

    private static void seed(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO companies (domain, name, country, source) SELECT 'firma' || g || '.com.tr', "
                    + "CASE WHEN g % 7 = 0 THEN 'Şahin Bilişim ' ELSE 'Firma ' END || g, 'TR', 'import' "
                    + "FROM generate_series(1, " + COMPANIES + ") g");
            st.execute("INSERT INTO partner_center_referrals (referral_id, name, type, status, substatus, direction, "
                    + "referral_type, classification_rule, company_name, customer_name, domain, raw_domain, "
                    + "domain_source, "
                    + "linked_company_id, link_status, deal_value, currency, pc_created_at, pc_updated_at, raw_data, "
                    + "content_hash, first_seen_at, synced_at, changed_at) "
                    + "SELECT 'ref-' || g, 'Referral ' || g, 'Shared', CASE WHEN g % 4 = 0 THEN 'Active' ELSE "
                    + "'New' END, "
                    + "'Received', 'Incoming', (ARRAY['co-sell', 'marketplace', 'solution-provider', NULL])[g "
                    + "% 4 + 1], "
                    + "'pc-v1/2', CASE WHEN (g * 7) % 7 = 0 AND g % 3 = 0 THEN 'Şahin Bilişim ' ELSE 'Firma ' "
                    + "END || g, "
                    + "'Firma ' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE 'firma' || (g * 5) || '.com.tr' END, "
                    + "'mail.firma' || (g * 5) || '.com.tr', 'customer_team_email', "
                    + "CASE WHEN g % 10 = 0 THEN NULL ELSE g * 5 END, "
                    + "CASE WHEN g % 10 = 0 THEN 'unlinked' WHEN g % 10 = 1 THEN 'manual_linked' ELSE "
                    + "'auto_linked' END, "
                    + "g % 100000, 'USD', now() - g * interval '1 minute', now() - g * interval '30 seconds', "
                    + "jsonb_build_object('id', 'ref-' || g, 'notes', repeat('x', 1400)), md5(g::text) || "
                    + "md5(g::text), "
                    + "now() - interval '1 day', now() - (g / 100) * interval '1 second', now() - g * "
                    + "interval '1 second' "
                    + "FROM generate_series(1, " + REFERRALS + ") g");
            st.execute("VACUUM ANALYZE");
        }
    }
}
