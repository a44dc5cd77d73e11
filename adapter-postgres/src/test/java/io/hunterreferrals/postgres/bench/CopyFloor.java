package io.hunterreferrals.postgres.bench;

import io.hunterreferrals.postgres.Database;
import io.hunterreferrals.postgres.DatabaseSettings;
import io.hunterreferrals.postgres.DatabaseUrl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The store floor (not a test): the referrals stored in {@code partner_center_referrals}, read back, loaded with one
 * {@code COPY ... FROM STDIN (FORMAT binary)} into an empty scratch table with the same constraints: {@code LIKE
 * partner_center_referrals INCLUDING ALL} (columns, defaults, generated search_text, checks, every index, column
 * storage) plus the table's foreign keys (referencing the same companies and sync_runs rows) and its storage
 * parameters, which LIKE does not copy. {@link UpsertBenchmark} uses it for its floor;
 * {@code scripts/bench-sync-e2e.sh} runs it alone against the database {@code hunter sync} filled (docs/benchmarks.md,
 * "Referral upsert" and "End-to-end sync").
 *
 * <p>Args: {@code <embedded data folder | jdbc:postgresql://... | postgresql://...> [--per-page]}. A URL's user and
 * password may come from {@code HUNTER_DATABASE_USER} / {@code HUNTER_DATABASE_PASSWORD}. The database is not migrated.
 * Prints one {@code RESULT} line for scripts. Leaves the referrals as they were; the scratch table is dropped.
 */
public final class CopyFloor {

    /** The columns a sync writes, in the order both COPYs use. */
    static final String COLUMNS = "referral_id, engagement_id, name, type, qualification, direction, status, "
            + "substatus, status_reason, invited_by_org_id, referral_source, call_to_action, referral_type, "
            + "classification_rule, "
            + "classification_sub_category, company_name, customer_name, customer_country, customer_size, domain, "
            + "raw_domain, domain_source, domain_rejection, linked_company_id, link_status, linked_at, "
            + "link_changed_by, deal_value, currency, pc_created_at, pc_updated_at, pc_expires_at, etag, "
            + "external_reference_id, raw_data, content_hash, first_seen_at, synced_at, changed_at, "
            + "last_sync_run_id";

    private static final String SCRATCH = "bench_copy";

    /** One timed COPY: rows loaded, seconds, bytes sent. */
    record Result(long rows, double seconds, long bytes) {

        double perSecond() {
            return rows / seconds;
        }
    }

    private final DataSource ds;

    CopyFloor(DataSource ds) {
        this.ds = ds;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CopyFloor <embedded data folder | jdbc:postgresql://... | postgresql://...>"
                    + " [--per-page]");
            System.exit(2);
        }
        boolean perPage = args.length > 1 && args[1].equals("--per-page");
        String target = args[0];
        DatabaseSettings settings = target.contains("://")
                ? DatabaseSettings.external(
                        DatabaseUrl.parse(target),
                        System.getenv("HUNTER_DATABASE_USER"),
                        System.getenv("HUNTER_DATABASE_PASSWORD"))
                : DatabaseSettings.embedded(Path.of(target));
        try (Database db = Database.open(settings.withMigrateOnStart(false))) {
            CopyFloor floor = new CopyFloor(db.dataSource());
            long stored = Long.parseLong(floor.queryText("SELECT count(*) FROM partner_center_referrals"));
            if (stored == 0) {
                throw new IllegalStateException("partner_center_referrals is empty: nothing to copy");
            }
            System.out.printf(
                    Locale.ROOT,
                    "PostgreSQL %s, %d stored referrals%n",
                    floor.queryText("SHOW server_version"),
                    stored);
            Result one = floor.oneCopy();
            Result pages = perPage ? floor.perPage(100) : null;
            floor.drop();
            System.out.printf(
                    Locale.ROOT,
                    "RESULT copy_floor_seconds=%.3f rows=%d referrals_per_second=%.0f mb=%.1f%s%n",
                    one.seconds(),
                    one.rows(),
                    one.perSecond(),
                    one.bytes() / 1e6,
                    pages == null ? "" : String.format(Locale.ROOT, " per_page_seconds=%.3f", pages.seconds()));
        }
    }

    /**
     * Creates the scratch table, reads the stored rows, runs {@code VACUUM ANALYZE} (untimed), then times one COPY of
     * every row in one transaction. The scratch table stays for {@link #perPage} until {@link #drop}.
     */
    Result oneCopy() throws Exception {
        exec("DROP TABLE IF EXISTS " + SCRATCH);
        exec("CREATE TABLE " + SCRATCH + " (LIKE partner_center_referrals INCLUDING ALL)");
        List<String> foreignKeys = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                        + "WHERE conrelid = 'partner_center_referrals'::regclass AND contype = 'f' ORDER BY conname")) {
            while (rs.next()) {
                foreignKeys.add(rs.getString(1));
            }
        }
        for (String fk : foreignKeys) {
            exec("ALTER TABLE " + SCRATCH + " ADD " + fk);
        }
        // nor the table's storage parameters (V6: fillfactor, toast_tuple_target)
        String storage = queryText("SELECT array_to_string(reloptions, ', ') FROM pg_class "
                + "WHERE oid = 'partner_center_referrals'::regclass");
        if (storage != null) {
            exec("ALTER TABLE " + SCRATCH + " SET (" + storage + ")");
            foreignKeys.add("WITH (" + storage + ")");
        }
        System.out.printf(
                Locale.ROOT,
                "%-20s %s%n",
                "COPY target",
                "LIKE partner_center_referrals INCLUDING ALL + " + String.join(", ", foreignKeys));
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        try (Connection c = ds.getConnection()) {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut(
                            "COPY (SELECT " + COLUMNS + " FROM partner_center_referrals) TO STDOUT (FORMAT binary)",
                            rows);
        }
        exec("VACUUM ANALYZE");
        byte[] data = rows.toByteArray();
        long t0 = System.nanoTime();
        long copied;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            copied = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY " + SCRATCH + " (" + COLUMNS + ") FROM STDIN (FORMAT binary)",
                            new ByteArrayInputStream(data));
            c.commit();
        }
        Result result = new Result(copied, (System.nanoTime() - t0) / 1e9, data.length);
        System.out.printf(
                Locale.ROOT,
                "%-20s %7.2f s  %8.0f referrals/s  (%d rows, %.1f MB, one COPY)%n",
                "COPY floor",
                result.seconds(),
                result.perSecond(),
                copied,
                data.length / 1e6);
        return result;
    }

    /**
     * For context only: the same rows with one COPY per page, each in its own transaction committed like a page write
     * (synchronous_commit off), so the cost of a transaction per page is visible apart from the upsert. Needs the
     * scratch table of {@link #oneCopy}.
     */
    Result perPage(int page) throws Exception {
        exec("TRUNCATE " + SCRATCH);
        exec("VACUUM ANALYZE " + SCRATCH);
        long total = Long.parseLong(queryText("SELECT count(*) FROM partner_center_referrals"));
        long nanos = 0;
        long copied = 0;
        long bytes = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (long from = 0; from < total; from += page) {
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                copy.copyOut(
                        "COPY (SELECT " + COLUMNS + " FROM partner_center_referrals ORDER BY referral_id OFFSET " + from
                                + " LIMIT " + page + ") TO STDOUT (FORMAT binary)",
                        rows);
                c.commit();
                bytes += rows.size();
                long t0 = System.nanoTime();
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL synchronous_commit = off");
                }
                copied += copy.copyIn(
                        "COPY " + SCRATCH + " (" + COLUMNS + ") FROM STDIN (FORMAT binary)",
                        new ByteArrayInputStream(rows.toByteArray()));
                c.commit();
                nanos += System.nanoTime() - t0;
            }
        }
        Result result = new Result(copied, nanos / 1e9, bytes);
        System.out.printf(
                Locale.ROOT,
                "%-20s %7.2f s  %8.0f referrals/s  (%d rows, one COPY + commit per page)%n",
                "COPY per page",
                result.seconds(),
                result.perSecond(),
                copied);
        return result;
    }

    void drop() throws Exception {
        exec("DROP TABLE IF EXISTS " + SCRATCH);
    }

    private void exec(String sql) throws Exception {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String queryText(String sql) throws Exception {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
