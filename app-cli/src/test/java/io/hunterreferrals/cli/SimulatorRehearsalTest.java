package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal of runbook phases 2 and 3 against a simulator reached only through HUNTER_PARTNER_CENTER_SIMULATOR_URL
 * (what the container smoke and an operator's dry run use): the product's own wiring routes the sign-in, nothing
 * injected by the test.
 */
@ExtendWith(PostgresExtension.class)
class SimulatorRehearsalTest {

    @TempDir
    Path dir;

    @Test
    void signInAndSyncGoToTheSimulatorNamedInTheSettings(TestPostgres pg) {
        try (PartnerCenterSimulator sim = PartnerCenterSimulator.builder()
                .referrals(40)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start()) {
            PostgresExtension.truncateAll(pg.dataSource());
            Cli cli = new Cli(dir)
                    .database(pg)
                    .with("HUNTER_PARTNER_CENTER_ENABLED", "true")
                    .with("HUNTER_PARTNER_CENTER_CLIENT_ID", UUID.randomUUID().toString())
                    .with("HUNTER_PARTNER_CENTER_TENANT_ID", sim.identity().tenantId())
                    .with("HUNTER_PARTNER_CENTER_SIMULATOR_URL", sim.baseUrl());

            Cli.Result login = cli.run("auth", "login");
            assertThat(login.exitCode()).as(login.toString()).isZero();
            Cli.Result sync = cli.run("sync");
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            assertThat(sim.journal().referralRequests()).isNotEmpty();
            assertThat(cli.run("config", "check").out()).contains("SIMULATED");
        }
    }
}
