package io.hunterreferrals.postgres.bench;

import io.hunterreferrals.core.classification.Classification;
import io.hunterreferrals.core.classification.ClassificationRulePcV1;
import io.hunterreferrals.core.company.CompanyCandidate;
import io.hunterreferrals.core.company.CompanyResolution;
import io.hunterreferrals.core.company.CompanySource;
import io.hunterreferrals.core.domainname.CompanyDomainExtractor;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.referral.Referral;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.postgres.Database;
import io.hunterreferrals.postgres.DatabaseSettings;
import io.hunterreferrals.postgres.JooqCompanyDirectory;
import io.hunterreferrals.postgres.JooqReferralStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Referral upsert benchmark (not a test): N realistic referrals in pages of 100 through JooqCompanyDirectory and
 * JooqReferralStore exactly as ReferralSync calls them (fingerprints, findOrCreate, writePage), into an empty table;
 * then the same referrals again, unchanged; then the same rows loaded with COPY into a scratch copy of the table (same
 * columns, checks, indexes, generated search_text, foreign keys and storage parameters) as the floor
 * ({@link CopyFloor}, which also runs on its own). The run is recorded in sync_runs, so every row carries
 * last_sync_run_id, as in a real sync. Runs on the product's embedded PostgreSQL (fsync on) in a temporary folder. See
 * docs/benchmarks.md for the command. Arguments: [referrals] [domains].
 */
public final class UpsertBenchmark {

    /**
     * Recorded in sync_runs as running (see {@link #recordRun}), so every written row carries it, as in a real sync.
     */
    private static final SyncRunId RUN = SyncRunId.random();

    private static final int PAGE = 100;

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int domains = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        BenchReferrals referrals = new BenchReferrals(domains);
        Path dir = Files.createTempDirectory("hunter-bench");
        try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("pg")))) {
            DataSource ds = db.dataSource();
            System.out.printf(
                    Locale.ROOT,
                    "PostgreSQL %s, %d referrals (%d domains) in pages of %d, raw payload ~%d bytes%n",
                    version(ds),
                    total,
                    domains,
                    PAGE,
                    referrals.referral(1).raw().json().length());
            UpsertBenchmark bench = new UpsertBenchmark(ds, referrals, total);
            bench.recordRun();
            bench.warmUp();
            double first = bench.pass("first (all new)");
            double unchanged = bench.pass("second (unchanged)");
            bench.printHotUpdates();
            double copy = bench.copyFloor();
            System.out.printf(
                    Locale.ROOT,
                    "%nfirst pass: %.0f referrals/s = %.2f x the COPY floor's time%n",
                    first,
                    copy / first);
            System.out.printf(
                    Locale.ROOT,
                    "unchanged pass: %.0f referrals/s = %.2f x faster than the first pass%n",
                    unchanged,
                    unchanged / first);
        } finally {
            TempDirs.delete(dir);
        }
    }

    private final DataSource ds;
    private final BenchReferrals referrals;
    private final int total;
    private final JooqReferralStore store;
    private final JooqCompanyDirectory companies;
    /** Time per step of the current pass: fingerprints, classify+hash, findOrCreate, writePage. */
    private final long[] steps = new long[4];

    private final ClassificationRulePcV1 rule = new ClassificationRulePcV1();
    private final CompanyDomainExtractor extractor = new CompanyDomainExtractor();

    private UpsertBenchmark(DataSource ds, BenchReferrals referrals, int total) {
        this.ds = ds;
        this.referrals = referrals;
        this.total = total;
        this.store = new JooqReferralStore(ds);
        this.companies = new JooqCompanyDirectory(ds);
    }

    /** The benchmark's run, running in sync_runs like a run the sync run log started. */
    private void recordRun() throws Exception {
        exec("INSERT INTO sync_runs (run_id, trigger, mode, status, started_at, heartbeat_at, node) VALUES ('"
                + RUN.value() + "', 'cli', 'full', 'running', now(), now(), 'bench')");
    }

    /** JIT and connection pool warm-up on throwaway ids, then empty tables again, as a fresh install has them. */
    private void warmUp() throws Exception {
        for (int w = 0; w < 20; w++) {
            List<Referral> page = new ArrayList<>(PAGE);
            for (int j = 0; j < PAGE; j++) {
                page.add(referrals.referral(total + w * PAGE + j));
            }
            syncPage(page);
            syncPage(page);
        }
        exec("TRUNCATE partner_center_referrals, companies RESTART IDENTITY CASCADE");
        exec("INSERT INTO sync_state (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET watermark = NULL");
        // No VACUUM ANALYZE here: TRUNCATE leaves the tables never analyzed, as on a fresh install. Analyzing them
        // empty would record "0 rows", and PostgreSQL would then keep a sequential-scan plan for the companies
        // foreign-key check of every row until autovacuum analyzes the growing table (docs/benchmarks.md).
    }

    /** @return referrals per second */
    private double pass(String name) {
        long nanos = 0;
        int[] outcomes = new int[3];
        java.util.Arrays.fill(steps, 0);
        for (int from = 0; from < total; from += PAGE) {
            List<Referral> page = new ArrayList<>(PAGE);
            for (int i = from; i < Math.min(total, from + PAGE); i++) {
                page.add(referrals.referral(i)); // building the test data is not timed
            }
            long t0 = System.nanoTime();
            int[] pageOutcome = syncPage(page);
            nanos += System.nanoTime() - t0;
            for (int k = 0; k < 3; k++) {
                outcomes[k] += pageOutcome[k];
            }
        }
        double perSecond = total / (nanos / 1e9);
        System.out.printf(
                Locale.ROOT,
                "%-20s %7.2f s  %8.0f referrals/s  (written %d, touched %d, unchanged-in-sql %d)%n",
                name,
                nanos / 1e9,
                perSecond,
                outcomes[0],
                outcomes[1],
                outcomes[2]);
        System.out.printf(
                Locale.ROOT,
                "%-20s fingerprints %.2f s, classify+hash %.2f s, findOrCreate %.2f s, writePage %.2f s%n",
                "",
                steps[0] / 1e9,
                steps[1] / 1e9,
                steps[2] / 1e9,
                steps[3] / 1e9);
        return perSecond;
    }

    /** What ReferralSync does for one page. @return [created+updated, touched, unchanged by the SQL check] */
    private int[] syncPage(List<Referral> page) {
        long t0 = System.nanoTime();
        Map<ReferralId, ContentHash> stored =
                store.fingerprints(page.stream().map(Referral::id).toList());
        long t1 = System.nanoTime();
        record Planned(Referral referral, Classification classification, DomainExtraction domain, ContentHash hash) {}
        List<Planned> changed = new ArrayList<>();
        List<ReferralId> unchanged = new ArrayList<>();
        Instant watermark = null;
        for (Referral r : page) {
            Classification c = rule.classify(r);
            DomainExtraction d = extractor.extract(r);
            ContentHash hash = ContentHash.of(r, c, d);
            if (hash.equals(stored.get(r.id()))) {
                unchanged.add(r.id());
            } else {
                changed.add(new Planned(r, c, d, hash));
            }
            watermark = watermark == null || r.updatedAt().isAfter(watermark) ? r.updatedAt() : watermark;
        }
        Map<Domain, CompanyCandidate> candidates = new LinkedHashMap<>();
        for (Planned p : changed) {
            if (p.domain() instanceof DomainExtraction.Found found) {
                candidates.putIfAbsent(
                        found.domain(),
                        new CompanyCandidate(
                                found.domain(), p.referral().customer().name(), CompanySource.PARTNER_CENTER));
            }
        }
        long t2 = System.nanoTime();
        Map<Domain, CompanyResolution> ids =
                candidates.isEmpty() ? Map.of() : companies.findOrCreate(candidates.values());
        long t3 = System.nanoTime();
        List<ReferralRecord> records = changed.stream()
                .map(p -> new ReferralRecord(
                        p.referral(),
                        p.classification(),
                        p.domain(),
                        p.domain() instanceof DomainExtraction.Found f
                                ? Optional.of(ids.get(f.domain()).id())
                                : Optional.empty(),
                        p.hash()))
                .toList();
        long t4 = System.nanoTime();
        var outcomes = store.writePage(
                new PageWrite(RUN, records, unchanged, List.of(), Instant.now(), Optional.ofNullable(watermark)));
        long t5 = System.nanoTime();
        steps[0] += t1 - t0;
        steps[1] += t2 - t1 + t4 - t3;
        steps[2] += t3 - t2;
        steps[3] += t5 - t4;
        int sqlUnchanged = (int) outcomes.values().stream()
                .filter(o -> o.name().equals("UNCHANGED"))
                .count();
        return new int[] {records.size() - sqlUnchanged, unchanged.size(), sqlUnchanged};
    }

    /**
     * The floor ({@link CopyFloor}): the same rows, read back from the table, loaded with one COPY into an empty copy
     * of the table with the same constraints; then, for context, one COPY + commit per page.
     */
    private double copyFloor() throws Exception {
        CopyFloor floor = new CopyFloor(ds);
        double perSecond = floor.oneCopy().perSecond();
        floor.perPage(PAGE);
        floor.drop();
        return perSecond;
    }

    private void exec(String sql) throws Exception {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** How many of the table's updates so far were HOT (PostgreSQL publishes the counts within a second or so). */
    private void printHotUpdates() throws Exception {
        Thread.sleep(2_000);
        System.out.printf(
                Locale.ROOT,
                "%-20s %s%n",
                "",
                queryText("SELECT format('%s of %s row updates were HOT', "
                        + "n_tup_hot_upd, n_tup_upd) FROM pg_stat_user_tables WHERE relname = "
                        + "'partner_center_referrals'"));
    }

    private String queryText(String sql) throws Exception {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String version(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                var rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
