package io.hunterreferrals.server;

import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.app.config.Environment;
import io.hunterreferrals.app.config.HttpSettings;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.LogFormat;
import io.hunterreferrals.app.config.NotifySettings;
import io.hunterreferrals.app.config.PartnerCenterSettings;
import io.hunterreferrals.core.filter.ReferralFilter;
import io.hunterreferrals.postgres.Database;
import io.hunterreferrals.postgres.DatabaseSettings;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Benchmark harness, not a test (docs/benchmarks.md, "HTTP inbox and leads"): loads 1,000,000 companies and 200,000
 * referrals into an embedded PostgreSQL with set-based SQL (generate_series, a few seconds per 100k rows), then serves
 * them with the real server (role api) on 127.0.0.1:{port} until Ctrl-C, for wrk to measure. The data folder survives,
 * so a second start skips the load.
 *
 * <p>Arguments: {@code [dataDir] [port]}, default {@code app-server/target/bench-pg 8000}.
 */
public final class HttpBenchmarkServer {

    static final int COMPANIES = 1_000_000;
    static final int REFERRALS = 200_000;

    private HttpBenchmarkServer() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "app-server/target/bench-pg")
                .toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8000;
        DatabaseSettings database = DatabaseSettings.embedded(dataDir);
        try (Database db = Database.open(database)) {
            load(db);
        }
        HunterServer server = HunterServer.start(new ServerSetup(
                settings(database, port), ServerRole.API, SchedulerTuning.DEFAULTS, Optional.empty(), false));
        System.out.println("Serving " + REFERRALS + " referrals and " + COMPANIES + " companies on http://127.0.0.1:"
                + server.port() + " (Ctrl-C to stop)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static HunterSettings settings(DatabaseSettings database, int port) {
        PartnerCenterSettings partnerCenter = new PartnerCenterSettings(
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                URI.create("https://api.partner.microsoft.com"),
                "v1.0",
                "https://api.partner.microsoft.com/.default",
                Path.of(".token_cache"),
                100,
                10_000,
                PartnerCenterSettings.DEFAULT_REQUEST_TIMEOUT,
                Optional.empty());
        return new HunterSettings(
                Environment.PRODUCTION,
                LogFormat.CONSOLE,
                partnerCenter,
                Duration.ofSeconds(600),
                ReferralFilter.DEFAULT,
                database,
                new HttpSettings("127.0.0.1", port, List.of()),
                DynamicsSettings.OFF,
                NotifySettings.OFF);
    }

    private static void load(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            if (count(st, "companies") >= COMPANIES && count(st, "partner_center_referrals") >= REFERRALS) {
                System.out.println("Data already loaded");
                return;
            }
            long t0 = System.nanoTime();
            st.execute("TRUNCATE partner_center_referrals, companies RESTART IDENTITY CASCADE");
            // Company g: domain company<g> under its country's usual public suffix (real suffixes, as real company
            // domains have), one of a few name stems so searches find many or few rows.
            st.execute("""
                    INSERT INTO companies (domain, name, country, source)
                    SELECT 'company' || g || (ARRAY['.com.tr', '.de', '.com', '.co.uk', '.fr'])[1 + g % 5],
                           (ARRAY['Contoso', 'Fabrikam', 'Northwind', 'Adatum', 'Litware', 'Tailspin'])[1 + g % 6]
                               || ' ' || (ARRAY['Holding', 'GmbH', 'Ltd', 'A.Ş.', 'Inc', 'Group'])[1 + (g / 6) % 6]
                               || ' ' || g,
                           (ARRAY['TR', 'DE', 'US', 'GB', 'FR'])[1 + g % 5],
                           CASE WHEN g % 3 = 0 THEN 'partner_center' ELSE 'import' END
                    FROM generate_series(1, :n) AS g""".replace(":n", Integer.toString(COMPANIES)));
            long t1 = System.nanoTime();
            // Referral r: 70% linked to company 5r (auto or manual), the rest unlinked; types and statuses cycle.
            st.execute("""
                    INSERT INTO partner_center_referrals (referral_id, engagement_id, name, type, direction, status,
                        substatus, referral_type, classification_rule, company_name, customer_name, customer_country,
                        domain, raw_domain, domain_source, linked_company_id, link_status, linked_at, deal_value,
                        currency, pc_created_at, pc_updated_at, raw_data, content_hash, first_seen_at, synced_at,
                        changed_at)
                    SELECT 'ref-' || lpad(r::text, 7, '0'), 'eng-' || r, 'Opportunity ' || r,
                           (ARRAY['Independent', 'Shared', 'Independent'])[1 + r % 3], 'Incoming',
                           (ARRAY['Active', 'New', 'Closed', 'Active'])[1 + r % 4],
                           (ARRAY['Accepted', 'Pending', 'Won', 'Accepted'])[1 + r % 4],
                           (ARRAY['co-sell', 'marketplace', 'solution-provider'])[1 + r % 3],
                           'pc/v1', c.name, 'Customer ' || r, c.country,
                           CASE WHEN r % 10 < 7 THEN c.domain END,
                           CASE WHEN r % 10 < 7 THEN c.domain END,
                           CASE WHEN r % 10 < 7 THEN 'customer_team_email' END,
                           CASE WHEN r % 10 < 7 THEN c.id END,
                           CASE WHEN r % 10 < 6 THEN 'auto_linked' WHEN r % 10 = 6 THEN 'manual_linked'
                                ELSE 'unlinked' END,
                           CASE WHEN r % 10 < 7 THEN now() END,
                           (r % 500) * 1000, 'USD',
                           now() - make_interval(mins => r), now() - make_interval(secs => r),
                           jsonb_build_object('id', 'ref-' || r, 'name', 'Opportunity ' || r),
                           md5(r::text), now() - make_interval(mins => r),
                           now() - make_interval(secs => r), now() - make_interval(secs => r)
                    FROM generate_series(1, :n) AS r
                    JOIN companies c ON c.id = r * 5""".replace(":n", Integer.toString(REFERRALS)));
            st.execute("VACUUM ANALYZE companies");
            st.execute("VACUUM ANALYZE partner_center_referrals");
            System.out.printf(
                    "Loaded %d companies in %d s and %d referrals in %d s%n",
                    COMPANIES, (t1 - t0) / 1_000_000_000, REFERRALS, (System.nanoTime() - t1) / 1_000_000_000);
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
