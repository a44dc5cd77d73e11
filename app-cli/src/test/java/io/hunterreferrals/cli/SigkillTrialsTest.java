package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.Fault;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hunter sync} in its own process, killed with SIGKILL at a random moment (starting up, signing in, between or
 * inside page writes), then the next in-process sync: it must start at once (the dead run's lock died with it), and
 * {@link SyncInvariants} must hold. CI runs 5 trials; {@code -Dhunter.sigkill.trials=20} runs the 20.
 */
@ExtendWith(PostgresExtension.class)
class SigkillTrialsTest {

    private static final int TRIALS = Integer.getInteger("hunter.sigkill.trials", 5);
    private static final long SEED = Long.getLong("hunter.sigkill.seed", System.nanoTime());

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder()
                .referrals(1000)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aKilledSyncNeverBlocksTheNextAndLosesNothing(TestPostgres pg, DataSource ds) throws Exception {
        Cli cli = Cli.against(sim, pg, dir);
        assertThat(cli.run("auth", "login").exitCode()).isZero();
        Random random = new Random(SEED);
        List<String> trials = new ArrayList<>();
        for (int trial = 1; trial <= TRIALS; trial++) {
            PostgresExtension.truncateAll(ds);
            // 10 pages of 100, each held back a little, so a run lasts long enough to be killed inside it
            sim.faults().clear();
            sim.faults().inject(Fault.delay(Duration.ofMillis(150)).times(1000));
            // the child must refresh its token, so it rewrites the token cache while it may be killed
            sim.identity().expireAllAccessTokens();
            // one trial in five dies while starting up or signing in; the others inside the run, at a random moment
            boolean duringStartUp = random.nextInt(5) == 0;
            long killAfterMs = duringStartUp ? random.nextInt(3000) : random.nextInt(2000);
            Process child = launch(cli, "sync");
            if (!duringStartUp) {
                awaitRunning(ds, child);
            }
            boolean finished = child.waitFor(killAfterMs, TimeUnit.MILLISECONDS);
            if (!finished) {
                child.destroyForcibly(); // SIGKILL
                child.waitFor(10, TimeUnit.SECONDS);
            }
            String killed = finished ? "finished first (exit " + child.exitValue() + ")" : "killed";
            int pagesStored = pagesOfLastRun(ds);
            trials.add("trial " + trial + ": " + killAfterMs + " ms after "
                    + (duringStartUp ? "launch" : "the run started") + ", " + killed + ", " + pagesStored
                    + " pages stored");

            sim.faults().clear();
            assertTokenCacheOwnerOnly();
            String context = "seed " + SEED + ", " + trials.get(trials.size() - 1);
            SyncInvariants.assertWatermarkCoversOnlyStoredReferrals(sim, ds);
            Cli.Result next = cli.run("sync");
            assertThat(next.exitCode()).as(context + ": " + next).isZero();
            SyncInvariants.assertNextRunsRecover(sim, cli, ds);
            if (!finished) {
                assertThat(abandonedOrNone(ds)).as(context).isTrue();
            }
        }
        System.out.println("SIGKILL trials (seed " + SEED + "):\n  " + String.join("\n  ", trials));
    }

    private Process launch(Cli cli, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), KillableSync.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(new File(dir.toFile(), "child.out"))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(cli.environment);
        return builder.start();
    }

    /** The cache and any temporary file an interrupted write left behind are never readable by others. */
    private void assertTokenCacheOwnerOnly() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().contains(".token_cache"))
                    .forEach(f -> {
                        try {
                            assertThat(java.nio.file.Files.getPosixFilePermissions(f))
                                    .as(f.toString())
                                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        }
    }

    private static void awaitRunning(DataSource ds, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && child.isAlive()) {
            try (Connection c = ds.getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM sync_runs WHERE status = 'running'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child's sync never started");
    }

    /** The killed run, if it got as far as being recorded, was failed as abandoned by the next start. */
    private static boolean abandonedOrNone(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE status = 'failed' AND error_code = "
                        + "'abandoned'), count(*) FILTER (WHERE status NOT IN ('succeeded', "
                        + "'failed')) FROM sync_runs")) {
            rs.next();
            return rs.getInt(1) <= 1 && rs.getInt(2) == 0;
        }
    }

    private static int pagesOfLastRun(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(pages_fetched), 0) FROM sync_runs")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
