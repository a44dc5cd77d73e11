package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.DataverseLead;
import io.hunterreferrals.simulator.DataverseSimulator;
import io.hunterreferrals.simulator.DataverseSimulatorBuilder;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import io.hunterreferrals.simulator.PatchMode;
import io.hunterreferrals.simulator.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional write-back of lead ids to Partner Center ({@code HUNTER_DYNAMICS_WRITE_BACK}), as an operator runs it,
 * against both simulators and a real PostgreSQL: written once, never again for an unchanged referral, a refusal kept on
 * the referral without failing the push, and no PATCH at all while the setting is off.
 */
@ExtendWith(PostgresExtension.class)
class DynamicsWriteBackEndToEndTest {

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
                .referrals(20)
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
                .with("HUNTER_DYNAMICS_SIMULATOR_URL", dataverse.baseUrl())
                .with("HUNTER_DYNAMICS_WRITE_BACK", "true");
        assertThat(cli.run("auth", "login").exitCode()).isZero();
        assertThat(cli.run("sync").exitCode()).isZero();
        assertThat(cli.run("dynamics", "setup", "--apply").exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        partnerCenter.close();
        dataverse.close();
    }

    @Test
    void eachLeadIdIsWrittenBackOnceAndAnUnchangedReferralSendsNoPatch() {
        Cli.Result first = cli.run("dynamics", "push");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        List<DataverseLead> leads = dataverse.leads().all();
        assertThat(leads).isNotEmpty();
        assertThat(first.out()).contains("  - Lead ids written back to Partner Center: " + leads.size());
        assertThat(leads)
                .allSatisfy(lead -> assertThat(partnerCenter
                                .referrals()
                                .get(lead.referralId())
                                .orElseThrow()
                                .path("externalReferenceId")
                                .asText())
                        .isEqualTo(lead.leadId().toString()));
        assertThat(patches()).hasSize(leads.size()).allSatisfy(patch -> {
            assertThat(patch.header("If-Match")).isPresent();
            assertThat(patch.body()).contains("\"op\":\"replace\"", "\"path\":\"/externalReferenceId\"");
        });

        Cli.Result second = cli.run("dynamics", "push");
        assertThat(second.out()).contains("  - Lead ids written back to Partner Center: 0");
        // the sync reads the referrals the write-back changed (new eTag, externalReferenceId = lead id)
        assertThat(cli.run("sync").exitCode()).isZero();
        Cli.Result third = cli.run("dynamics", "push");
        assertThat(third.out()).contains("  - Created: 0", "  - Updated: 0");
        assertThat(patches()).hasSize(leads.size());

        Cli.Result show = cli.run("referrals", "show", leads.getFirst().referralId());
        assertThat(show.out()).contains("lead id written back to Partner Center at 20");
        assertThat(cli.run("referrals", "show", leads.getFirst().referralId(), "--json")
                        .out())
                .contains("\"write_back_status\" : \"written\"");
        assertThat(first.logs() + second.logs() + third.logs()).doesNotContain(SECRET);
    }

    @Test
    void aRefusedWriteBackIsRecordedOnTheReferralAndThePushStillSucceeds() {
        partnerCenter.patchMode(PatchMode.REFUSE_NOT_UPDATABLE);

        Cli.Result push = cli.run("dynamics", "push");

        assertThat(push.exitCode()).as(push.toString()).isEqualTo(ExitCode.SUCCESS.code());
        int leads = dataverse.leads().size();
        assertThat(push.out())
                .contains(
                        "  - Created: " + leads,
                        "  - Lead ids written back to Partner Center: 0",
                        "  - Lead ids Partner Center did not take: " + leads + " (invalidRequest=" + leads + ")",
                        "the leads are in Dynamics 365 all the same");
        String referral = dataverse.leads().all().getFirst().referralId();
        assertThat(cli.run("referrals", "show", referral).out())
                .contains("pushed: lead ", "lead id write-back refused (invalidRequest)", "UNCONFIRMED", "request id");
        assertThat(cli.run("referrals", "show", referral, "--json").out())
                .contains("\"write_back_status\" : \"refused\"", "\"write_back_error_code\" : \"invalidRequest\"");
        assertThat(push.logs()).contains("dynamics_push_write_back_refused");

        Cli.Result again = cli.run("dynamics", "push");
        assertThat(again.exitCode()).isZero();
        assertThat(patches())
                .as("a refusal is not asked again while the referral is unchanged")
                .hasSize(leads);
    }

    @Test
    void withTheSettingOffNoPatchIsEverSent() {
        cli.without("HUNTER_DYNAMICS_WRITE_BACK");

        Cli.Result push = cli.run("dynamics", "push");
        assertThat(cli.run("sync").exitCode()).isZero();
        Cli.Result again = cli.run("dynamics", "push");

        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(dataverse.leads().size()).isPositive();
        assertThat(push.out() + again.out()).doesNotContain("written back");
        assertThat(patches()).isEmpty();
    }

    @Test
    void theWriteBackWithoutAPartnerCenterSignInIsAConfigurationProblem() {
        cli.without("HUNTER_PARTNER_CENTER_CLIENT_ID");

        Cli.Result push = cli.run("dynamics", "push");
        Cli.Result check = cli.run("config", "check");

        assertThat(push.exitCode()).as(push.toString()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(push.err()).contains("HUNTER_DYNAMICS_WRITE_BACK", "hunter auth login");
        assertThat(check.out()).contains("HUNTER_DYNAMICS_WRITE_BACK: is true, but the Partner Center sign-in");
        assertThat(dataverse.leads().size()).isZero();
        assertThat(patches()).isEmpty();
    }

    private List<RecordedRequest> patches() {
        return partnerCenter.journal().matching(r -> r.method().equals("PATCH"));
    }
}
