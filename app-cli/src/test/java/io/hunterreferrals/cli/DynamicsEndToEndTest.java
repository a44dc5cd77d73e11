package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.DataverseLead;
import io.hunterreferrals.simulator.DataverseSimulator;
import io.hunterreferrals.simulator.DataverseSimulatorBuilder;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hamle 2 as an operator runs it, against both simulators and a real PostgreSQL: check, setup, a dry run, the first
 * push, a second push that sends nothing, and a referral that changed in Partner Center updating only its own lead.
 */
@ExtendWith(PostgresExtension.class)
class DynamicsEndToEndTest {

    private static final String SECRET = "dyn-s3cret-canary";

    @TempDir
    Path dir;

    private PartnerCenterSimulator partnerCenter;
    private DataverseSimulator dataverse;
    private Cli cli;

    @BeforeEach
    void start(TestPostgres pg, DataSource ds) {
        PostgresExtension.truncateAll(ds);
        partnerCenter = PartnerCenterSimulator.builder()
                .referrals(30)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
        dataverse = DataverseSimulator.builder()
                .clientSecret(SECRET)
                .setup(DataverseSimulatorBuilder.Setup.EMPTY)
                .build()
                .start();
        cli = Cli.against(partnerCenter, pg, dir)
                .with("HUNTER_DYNAMICS_ENABLED", "true")
                .with("HUNTER_DYNAMICS_URL", dataverse.orgUrl())
                .with("HUNTER_DYNAMICS_TENANT_ID", dataverse.tenantId())
                .with("HUNTER_DYNAMICS_CLIENT_ID", dataverse.clientId())
                .with("HUNTER_DYNAMICS_CLIENT_SECRET", SECRET)
                .with("HUNTER_DYNAMICS_SIMULATOR_URL", dataverse.baseUrl());
        assertThat(cli.run("auth", "login").exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        partnerCenter.close();
        dataverse.close();
    }

    @Test
    void checkSetupPushAndPushAgain() {
        assertThat(cli.run("sync").exitCode()).isZero();

        Cli.Result check = cli.run("dynamics", "check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.DYNAMICS_SETUP_REQUIRED.code());
        assertThat(check.out()).contains("Signed in: application user", "missing");

        Cli.Result setup = cli.run("dynamics", "setup", "--apply");
        assertThat(setup.exitCode()).as(setup.toString()).isZero();
        assertThat(setup.out())
                .contains("Created column hnt_partnercenterreferralid", "Alternate key: ACTIVE", "Setup complete");
        assertThat(cli.run("dynamics", "check").exitCode()).isZero();

        Cli.Result dryRun = cli.run("dynamics", "push", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("Dry run: nothing was written");
        assertThat(dataverse.leads().size()).isZero();

        Cli.Result first = cli.run("dynamics", "push");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        int stored = dataverse.leads().size();
        assertThat(stored).isPositive();
        assertThat(first.out()).contains("Dynamics 365 push completed:", "  - Created: " + stored, "  - Updated: 0");
        assertThat(dataverse.leads().all()).allSatisfy(lead -> {
            assertThat(lead.column("hnt_ispartnercenterreferral")).isEqualTo(true);
            assertThat(lead.column("leadsourcecode")).isEqualTo(4);
        });

        Cli.Result second = cli.run("dynamics", "push");
        assertThat(second.out()).contains("  - Created: 0", "  - Updated: 0");
        assertThat(dataverse.leads().all()).allMatch(lead -> lead.apiUpdates() == 0);

        String changed = dataverse.leads().all().getFirst().referralId();
        partnerCenter.referrals().changeStatus(changed, "Closed", "Won");
        assertThat(cli.run("sync").exitCode()).isZero();
        Cli.Result third = cli.run("dynamics", "push");
        assertThat(third.out()).contains("  - Updated: 1");
        DataverseLead lead = dataverse.leads().all().stream()
                .filter(l -> l.referralId().equals(changed))
                .findFirst()
                .orElseThrow();
        assertThat(lead.column("hnt_referralstatus")).isEqualTo("Closed");
        Cli.Result show = cli.run("referrals", "show", changed);
        assertThat(show.out()).containsPattern("dynamics +pushed: lead " + lead.leadId() + " at 20");
        Cli.Result showJson = cli.run("referrals", "show", changed, "--json");
        assertThat(showJson.out()).contains("\"status\" : \"pushed\"", "\"enabled\" : true");
        assertThat(lead.stateCode())
                .as("the lead's own state is the sales team's")
                .isZero();
        assertThat(first.logs() + second.logs() + third.logs()).doesNotContain(SECRET);
    }

    @Test
    void aSwitchedOffPushIsRefusedWithItsOwnExitCode() {
        Cli.Result off = cli.with("HUNTER_DYNAMICS_ENABLED", "false").run("dynamics", "push");

        assertThat(off.exitCode()).isEqualTo(ExitCode.FEATURE_DISABLED.code());
        assertThat(off.err()).contains("HUNTER_DYNAMICS_ENABLED is not true");
    }

    @Test
    void aPushBeforeTheSetupSaysToRunIt() {
        assertThat(cli.run("sync").exitCode()).isZero();

        Cli.Result push = cli.run("dynamics", "push");

        assertThat(push.exitCode()).as(push.toString()).isEqualTo(ExitCode.DYNAMICS_SETUP_REQUIRED.code());
        assertThat(push.err()).contains("hunter dynamics setup --apply");
    }
}
