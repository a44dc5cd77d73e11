package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.postgres.JooqSyncRunLog;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.Fault;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every documented exit code, each with the message that tells the operator what to do. */
@ExtendWith(PostgresExtension.class)
class ExitCodesTest {

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;
    private Cli cli;

    @BeforeEach
    void start(DataSource ds, TestPostgres pg) {
        PostgresExtension.truncateAll(ds);
        sim = PartnerCenterSimulator.builder()
                .referrals(30)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
        cli = Cli.against(sim, pg, dir);
    }

    @AfterEach
    void stop() {
        sim.close();
        NoSecretsInLogs.assertClean(cli.allLogs);
    }

    @Test
    void featureFlagOffIsNamedAndNeverASilentZeroSummary() {
        Cli.Result result = cli.with("HUNTER_PARTNER_CENTER_ENABLED", "false").run("sync");
        assertThat(result.exitCode())
                .isEqualTo(ExitCode.FEATURE_DISABLED.code())
                .isEqualTo(4);
        assertThat(result.err()).contains("HUNTER_PARTNER_CENTER_ENABLED");
        assertThat(result.out()).doesNotContain("Success:");
        assertThat(result.logs()).contains("\"reason\":\"feature_flag_disabled\"");
    }

    @Test
    void invalidOrMissingConfigurationNamesTheVariable() {
        Cli.Result invalid =
                cli.with("HUNTER_PARTNER_CENTER_SYNC_INTERVAL", "ten").run("sync");
        assertThat(invalid.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code()).isEqualTo(5);
        assertThat(invalid.err()).contains("HUNTER_PARTNER_CENTER_SYNC_INTERVAL", "'ten' is not a whole number");

        Cli.Result missing = cli.with("HUNTER_PARTNER_CENTER_SYNC_INTERVAL", "600")
                .without("HUNTER_PARTNER_CENTER_CLIENT_ID")
                .run("sync");
        assertThat(missing.exitCode()).isEqualTo(5);
        assertThat(missing.err()).contains("HUNTER_PARTNER_CENTER_CLIENT_ID: is missing");
        assertThat(missing.logs()).contains("partner_center_config_missing");
    }

    @Test
    void signInRequiredSaysToRunAuthLogin() {
        Cli.Result result = cli.run("sync");
        assertThat(result.exitCode())
                .isEqualTo(ExitCode.SIGN_IN_REQUIRED.code())
                .isEqualTo(6);
        assertThat(result.err()).contains("hunter auth login");
        assertThat(result.logs()).contains("partner_center_auth_error");
        assertThat(cli.run("auth", "status").exitCode()).isEqualTo(6);
    }

    @Test
    void partnerCenterErrorShowsStatusCodeAndRequestId() {
        assertThat(cli.run("auth", "login").exitCode()).isZero();
        sim.faults().inject(Fault.forbidden().times(10));
        Cli.Result result = cli.run("sync");
        assertThat(result.exitCode())
                .as(result.toString())
                .isEqualTo(ExitCode.PARTNER_CENTER_ERROR.code())
                .isEqualTo(7);
        assertThat(result.out()).contains("Partner Center sync failed:");
        assertThat(result.err()).contains("HTTP status 403", "request id ").doesNotContain("request id none");
        assertThat(result.logs()).contains("partner_center_auth_error");
    }

    @Test
    void rateLimitIsLoggedWithRetryAfter() {
        assertThat(cli.run("auth", "login").exitCode()).isZero();
        sim.faults().inject(Fault.tooManyRequests(1).times(1));
        Cli.Result result = cli.run("sync");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.logs()).contains("\"message\":\"partner_center_rate_limit\"", "\"retry_after\":\"1\"");
    }

    @Test
    void someFailedReferralsMeanPartial() {
        assertThat(cli.run("auth", "login").exitCode()).isZero();
        sim.referrals()
                .injectRaw("{\"name\":\"no id\",\"direction\":\"Incoming\",\"status\":\"New\","
                        + "\"updatedDateTime\":\"2025-06-29T00:00:00Z\"}");
        Cli.Result result = cli.run("sync");
        assertThat(result.exitCode())
                .as(result.toString())
                .isEqualTo(ExitCode.PARTIAL.code())
                .isEqualTo(3);
        assertThat(result.out()).contains("  - Failed: 1").containsPattern("Failed reasons: \\w+=1");
    }

    @Test
    void anotherRunningSyncMeansBusy(DataSource ds) {
        assertThat(cli.run("auth", "login").exitCode()).isZero();
        SyncRunId other = SyncRunId.random();
        // The other process: its run log holds the run's lock session for as long as it is alive (reachable).
        JooqSyncRunLog elsewhere = new JooqSyncRunLog(ds, "elsewhere");
        elsewhere.start(
                other, SyncRequest.of(SyncTrigger.SCHEDULED, SyncMode.INCREMENTAL), Instant.now(), Optional.empty());
        Cli.Result result = cli.run("sync");
        assertThat(result.exitCode())
                .as(result.toString())
                .isEqualTo(ExitCode.BUSY.code())
                .isEqualTo(8);
        assertThat(result.err()).contains(other.toString());
        java.lang.ref.Reference.reachabilityFence(elsewhere);
    }

    @Test
    void unreachableDatabaseUsageNotFoundAndMissingPsql() {
        Cli.Result database = cli.with("HUNTER_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nothing")
                .run("referrals", "list");
        assertThat(database.exitCode())
                .as(database.toString())
                .isEqualTo(ExitCode.DATABASE_ERROR.code())
                .isEqualTo(9);
        assertThat(database.err()).contains("HUNTER_DATABASE_URL");

        assertThat(cli.run("no-such-command").exitCode())
                .isEqualTo(ExitCode.USAGE.code())
                .isEqualTo(2);
        assertThat(cli.run("db").exitCode()).isEqualTo(2);
        assertThat(cli.run("referrals", "list", "--type", "enterprise").exitCode())
                .isEqualTo(2);

        Cli.Result notFound = cli.run("leads", "import", "missing.csv");
        assertThat(notFound.exitCode()).isEqualTo(ExitCode.NOT_FOUND.code()).isEqualTo(10);

        Cli.Result noPsql = cli.with("PATH", dir.toString()).run("db", "shell");
        assertThat(noPsql.exitCode()).isEqualTo(ExitCode.TOOL_MISSING.code()).isEqualTo(11);
        assertThat(noPsql.err()).contains("psql is not on the PATH");
    }

    @Test
    void unknownReferralIsNotFound(TestPostgres pg) {
        Cli.Result result = cli.run("referrals", "show", "no-such-referral");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(10);
        assertThat(result.err()).contains("No referral with id no-such-referral");
    }
}
