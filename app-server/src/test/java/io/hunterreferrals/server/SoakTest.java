package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's soak, only with {@code -Psoak} (never in CI): a server syncing every 30 s while Partner Center changes a
 * few referrals each time, under 100 API requests a second, for {@code soak.minutes} (30 by default). Heap after GC,
 * live threads and database sessions are sampled every minute and must stay flat; no request and no run may fail.
 */
@ExtendWith(PostgresExtension.class)
class SoakTest {

    private static final List<String> PATHS = List.of(
            "/api/v1/leads?page_size=50",
            "/api/v1/partner-center/referrals?page_size=50",
            "/api/v1/partner-center/referrals/stats",
            "/api/v1/partner-center/sync/status",
            "/api/v1/partner-center/sync/runs?page_size=25",
            "/healthz",
            "/api/v1/partner-center/referrals?search=contoso",
            "/api/v1/leads?sort=name_asc");

    @TempDir
    static Path workDir;

    private record Sample(int minute, long heapMb, int threads, int sessions, long requests, long errors, int runs) {}

    @Test
    void heapThreadsAndConnectionsStayFlat(TestPostgres pg) throws Exception {
        int minutes = Integer.parseInt(System.getProperty("soak.minutes", "30"));
        PostgresExtension.truncateAll(pg.dataSource());
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Sample> samples = new ArrayList<>();
        try (DemoMode demo = TestServer.simulator(workDir, 2_000);
                TestServer server = TestServer.start(
                        demo,
                        TestServer.settings(demo, pg.settings(), Duration.ofSeconds(30), true, "127.0.0.1", List.of()),
                        ServerRole.ALL)) {
            server.awaitIdle(Duration.ofSeconds(120));
            ScheduledExecutorService load = Executors.newScheduledThreadPool(4);
            AtomicLong next = new AtomicLong();
            // 100 requests a second: one every 10 ms, spread over the endpoints the UI calls
            load.scheduleAtFixedRate(
                    () -> {
                        String path = PATHS.get((int) (next.getAndIncrement() % PATHS.size()));
                        try {
                            HttpResponse<String> response = server.get(path);
                            requests.incrementAndGet();
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                    },
                    0,
                    10,
                    TimeUnit.MILLISECONDS);
            // Partner Center changes a few referrals between syncs, so each run writes something
            load.scheduleAtFixedRate(
                    () -> demo.simulator().referrals().ids().stream()
                            .limit(5)
                            .forEach(id -> demo.simulator().referrals().touch(id)),
                    15,
                    30,
                    TimeUnit.SECONDS);
            for (int minute = 0; minute <= minutes; minute++) {
                if (minute > 0) {
                    Thread.sleep(Duration.ofMinutes(1));
                }
                samples.add(sample(minute, pg.dataSource(), requests.get(), errors.get()));
                System.out.println("soak " + samples.getLast());
            }
            load.shutdownNow();
            load.awaitTermination(10, TimeUnit.SECONDS);
        }
        Sample first = samples.get(1); // after a minute of load: pools, caches and JIT warm
        Sample last = samples.getLast();
        assertThat(last.errors()).as("failed requests").isZero();
        assertThat(last.requests()).as("requests served").isGreaterThan(minutes * 60L * 80);
        assertThat(last.runs()).as("syncs").isGreaterThanOrEqualTo(minutes * 2 - 2);
        assertThat(failedRuns(pg.dataSource())).as("failed runs").isZero();
        assertThat(last.heapMb()).as("heap after GC (MB)").isLessThanOrEqualTo(first.heapMb() + 16);
        assertThat(last.threads()).as("live threads").isLessThanOrEqualTo(first.threads() + 5);
        assertThat(last.sessions()).as("database sessions").isLessThanOrEqualTo(first.sessions() + 2);
    }

    private static Sample sample(int minute, DataSource ds, long requests, long errors) throws Exception {
        CapturedLogs.clear();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = "
                        + "current_database()), (SELECT count(*) FROM sync_runs WHERE finished_at IS NOT NULL)")) {
            rs.next();
            return new Sample(minute, heap, threads, rs.getInt(1), requests, errors, rs.getInt(2));
        }
    }

    private static int failedRuns(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM sync_runs WHERE status = 'failed'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
