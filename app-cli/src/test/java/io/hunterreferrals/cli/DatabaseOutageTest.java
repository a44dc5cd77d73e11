package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.Fault;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database goes away in the middle of a {@code hunter sync} (every session terminated and new ones refused, what a
 * stopped server looks like to the client) and comes back: the run says so and exits 9, the pages stored before are
 * kept, and the next run recovers without an operator (the dead run's lock died with its session).
 */
@ExtendWith(PostgresExtension.class)
class DatabaseOutageTest {

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;
    private String database;
    private TestPostgres pg;

    @BeforeEach
    void start(TestPostgres pg) throws SQLException {
        this.pg = pg;
        database = "outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        admin("CREATE DATABASE " + database);
        sim = PartnerCenterSimulator.builder()
                .referrals(250)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
    }

    @AfterEach
    void stop() throws SQLException {
        sim.close();
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        admin("DROP DATABASE " + database + " WITH (FORCE)");
    }

    @Test
    void aSyncThatLosesItsDatabaseSaysSoAndTheNextRunRecovers() throws Exception {
        Cli cli = signedIn();
        DataSource ds = dataSource();
        CompletableFuture<Cli.Result> run = syncThenLoseTheDatabase(cli, ds);
        Cli.Result failed = run.get(60, TimeUnit.SECONDS);

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.DATABASE_ERROR.code());
        assertThat(failed.err()).contains("database_unavailable").doesNotContain("This is a bug");
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        assertThat(count(ds, "SELECT count(*) FROM partner_center_referrals"))
                .as("page 1 is kept")
                .isPositive();
        SyncInvariants.assertWatermarkCoversOnlyStoredReferrals(sim, ds);

        SyncInvariants.assertNextRunsRecover(sim, cli, ds);
        assertThat(count(
                        ds,
                        "SELECT count(*) FROM sync_runs WHERE status = 'failed' AND error_code IN "
                                + "('abandoned', 'database_unavailable')"))
                .as("the lost run is recorded as failed")
                .isEqualTo(1);
    }

    @Test
    void aDatabaseThatRestartsWithinTheRunIsWaitedFor() throws Exception {
        Cli cli = signedIn();
        DataSource ds = dataSource();
        CompletableFuture<Cli.Result> run = syncThenLoseTheDatabase(cli, ds);
        Thread.sleep(1500); // the restart
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        Cli.Result result = run.get(60, TimeUnit.SECONDS);

        // the pool reconnects within its 10 s connection timeout, so the run carries on and finishes
        assertThat(result.exitCode()).as(result.toString()).isZero();
        SyncInvariants.assertWatermarkCoversOnlyStoredReferrals(sim, ds);
        SyncInvariants.assertNextRunsRecover(sim, cli, ds);
    }

    private Cli signedIn() {
        Cli cli = Cli.against(sim, pg, dir).with("HUNTER_DATABASE_URL", pg.jdbcUrlFor(database));
        assertThat(cli.run("auth", "login").exitCode()).isZero();
        return cli;
    }

    /** Starts a sync and, once its first page is stored (page 2 is held back), takes the database away. */
    private CompletableFuture<Cli.Result> syncThenLoseTheDatabase(Cli cli, DataSource ds) throws Exception {
        sim.faults().inject(Fault.delay(Duration.ofSeconds(3)).onPage(2));
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> cli.run("sync"));
        try {
            awaitFirstPageStored(ds);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the sync: " + run.get(60, TimeUnit.SECONDS), e);
        }
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        return run;
    }

    private void awaitFirstPageStored(DataSource ds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (count(ds, "SELECT count(*) FROM sync_runs WHERE status = 'running' AND pages_fetched >= 1") > 0) {
                    return;
                }
            } catch (IllegalStateException notMigratedYet) {
                // the run's own start migrates the new database
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sync never stored its first page");
    }

    private DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.jdbcUrlFor(database));
        ds.setUser(pg.user());
        ds.setPassword(pg.password());
        return ds;
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrlFor("postgres"), pg.user(), pg.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
