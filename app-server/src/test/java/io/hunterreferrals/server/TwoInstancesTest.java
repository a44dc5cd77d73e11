package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.app.wiring.PartnerCenterWiring;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.app.wiring.SyncWiring;
import io.hunterreferrals.core.sync.ReferralSync;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncOutcome;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import io.hunterreferrals.partnercenter.PartnerCenterListener;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.Fault;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers and a command-line sync on one database (issue 17's concurrency suite): every trigger gets a task id, no
 * two syncs ever run at the same time, nothing deadlocks and no run is left running.
 */
@ExtendWith(PostgresExtension.class)
class TwoInstancesTest {

    @TempDir
    Path workDir;

    private record Interval(String runId, Timestamp startedAt, Timestamp finishedAt) {}

    @Test
    void fiftyConcurrentTriggersOverTwoInstancesAndACommandLineSyncNeverOverlap(TestPostgres pg) throws Exception {
        PostgresExtension.truncateAll(pg.dataSource());
        List<String> taskIds = new ArrayList<>();
        AtomicInteger cliRan = new AtomicInteger();
        AtomicInteger cliBusy = new AtomicInteger();
        try (DemoMode demo = TestServer.simulator(workDir, 250)) {
            // Both schedulers also try the recurring sync every second, so manual and scheduled runs contend.
            HunterSettings settings =
                    TestServer.settings(demo, pg.settings(), Duration.ofSeconds(1), true, "127.0.0.1", List.of());
            try (TestServer a = TestServer.start(demo, settings, ServerRole.ALL);
                    TestServer b = TestServer.start(demo, settings, ServerRole.ALL);
                    Storage cliStorage = Storage.open(pg.settings())) {
                // Slow pages make each run last a few hundred milliseconds, so triggers land while one is running.
                demo.simulator()
                        .faults()
                        .inject(Fault.delay(Duration.ofMillis(100)).times(100_000));
                // A third process, as `hunter sync` is: the same core sync on its own storage, again and again.
                PartnerCenterAuth auth = PartnerCenterWiring.auth(settings.partnerCenter(), demo.msalTransport());
                ReferralSync cli = SyncWiring.referralSync(
                        PartnerCenterWiring.referralSource(settings.partnerCenter(), auth, PartnerCenterListener.NONE),
                        cliStorage,
                        settings.filter(),
                        List.of());
                AtomicBoolean triggering = new AtomicBoolean(true);
                Thread commandLine = Thread.ofPlatform().start(() -> {
                    while (triggering.get()) {
                        switch (cli.sync(SyncRequest.of(SyncTrigger.CLI, SyncMode.INCREMENTAL))) {
                            case SyncOutcome.Ran ran -> cliRan.incrementAndGet();
                            case SyncOutcome.Busy busy -> cliBusy.incrementAndGet();
                        }
                    }
                });
                for (int wave = 0; wave < 5; wave++) {
                    taskIds.addAll(triggerConcurrently(a, b, 10));
                    Thread.sleep(400);
                }
                triggering.set(false);
                commandLine.join(Duration.ofSeconds(60));
                assertThat(taskIds).hasSize(50).allSatisfy(id -> assertThat(id).isNotBlank());
                for (String taskId : taskIds.stream().distinct().toList()) {
                    assertThat(a.awaitRunFinished(taskId, Duration.ofSeconds(60))
                                    .path("status")
                                    .asText())
                            .isEqualTo("succeeded");
                }
                // On a slow machine the waves can land on one run; one more trigger after it finished makes sure
                // the log holds at least two runs to compare (a new manual run, or the scheduled one running then).
                String after = triggerConcurrently(a, b, 1).getFirst();
                assertThat(after).isNotIn(taskIds);
                assertThat(a.awaitRunFinished(after, Duration.ofSeconds(60))
                                .path("status")
                                .asText())
                        .isEqualTo("succeeded");
            }
        }
        // Both servers and the command line are done: every run that started has finished, none overlapped.
        assertThat(cliRan.get() + cliBusy.get())
                .as("the command line's attempts")
                .isPositive();
        List<Interval> runs = startedRuns(pg.dataSource());
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i - 1).finishedAt())
                    .as(
                            "run %s finished before %s started",
                            runs.get(i - 1).runId(), runs.get(i).runId())
                    .isBeforeOrEqualTo(runs.get(i).startedAt());
        }
        System.out.println("Concurrency: " + taskIds.size() + " triggers -> "
                + taskIds.stream().distinct().count()
                + " manual runs; command line " + cliRan.get() + " runs, " + cliBusy.get() + " busy; " + runs.size()
                + " runs in all, none overlapping");
    }

    private static List<String> triggerConcurrently(TestServer a, TestServer b, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                TestServer target = i % 2 == 0 ? a : b;
                responses.add(pool.submit(() -> target.post("/api/referrals/sync", "")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> r = response.get();
                assertThat(r.statusCode()).isIn(200, 202);
                JsonNode body = TestServer.json(r);
                assertThat(body.path("enqueued").asBoolean()).isEqualTo(r.statusCode() == 202);
                ids.add(body.path("task_id").asText());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Interval> startedRuns(DataSource dataSource) throws SQLException {
        List<Interval> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT run_id, started_at, finished_at FROM sync_runs "
                        + "WHERE started_at IS NOT NULL ORDER BY started_at")) {
            while (rs.next()) {
                runs.add(new Interval(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3)));
            }
        }
        assertThat(runs).allSatisfy(run -> assertThat(run.finishedAt()).isNotNull());
        return runs;
    }
}
