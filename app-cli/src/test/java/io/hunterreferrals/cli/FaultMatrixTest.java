package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.Fault;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17's fault matrix through the real {@code hunter sync} against the simulator and PostgreSQL: each fault hits
 * page 2 of 3 (or the sign-in), then the run is checked (exit code, recorded status and reason), the fault heals, and
 * {@link SyncInvariants} checks that nothing was lost, doubled or half-written and that the next run recovered.
 */
@ExtendWith(PostgresExtension.class)
class FaultMatrixTest {

    /** A fault, how the run that meets it must end, and what the operator must do afterwards (usually nothing). */
    record Case(
            String name,
            Consumer<PartnerCenterSimulator> inject,
            ExitCode exit,
            String status,
            String errorCode,
            boolean signInAgain) {

        static Case recovered(String name, Consumer<PartnerCenterSimulator> inject) {
            return new Case(name, inject, ExitCode.SUCCESS, "succeeded", null, false);
        }

        static Case failed(String name, Consumer<PartnerCenterSimulator> inject, ExitCode exit, String errorCode) {
            return new Case(name, inject, exit, "failed", errorCode, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;

    @BeforeEach
    void start(DataSource ds) {
        PostgresExtension.truncateAll(ds);
        sim = PartnerCenterSimulator.builder()
                .referrals(250)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                        Case.recovered(
                                "429 with Retry-After in seconds",
                                s -> s.faults().inject(Fault.tooManyRequests(1).onPage(2))),
                        Case.recovered(
                                "429 with Retry-After as an HTTP date",
                                s -> s.faults()
                                        .inject(Fault.tooManyRequests(1)
                                                .withHttpDateRetryAfter()
                                                .onPage(2))),
                        Case.recovered(
                                "503 once",
                                s -> s.faults()
                                        .inject(Fault.serviceUnavailable().onPage(2))),
                        Case.recovered(
                                "500 once",
                                s -> s.faults()
                                        .inject(Fault.internalServerError().onPage(2))),
                        Case.failed(
                                "503 past the retry budget",
                                s -> s.faults()
                                        .inject(Fault.serviceUnavailable(1)
                                                .onPage(2)
                                                .times(20)),
                                ExitCode.PARTNER_CENTER_ERROR,
                                "partner_center_unavailable"),
                        Case.recovered(
                                "a response slower than the timeout",
                                s -> s.faults()
                                        .inject(Fault.delay(Duration.ofSeconds(3))
                                                .onPage(2))),
                        Case.recovered(
                                "the connection reset mid-page",
                                s -> s.faults().inject(Fault.connectionReset().onPage(2))),
                        Case.failed(
                                "a malformed page",
                                s -> s.faults()
                                        .inject(Fault.malformedPage().onPage(2).times(20)),
                                ExitCode.PARTNER_CENTER_ERROR,
                                "malformed_page"),
                        Case.failed(
                                "a nextLink loop",
                                s -> s.faults().inject(Fault.nextLinkLoop().onPage(2)),
                                ExitCode.PARTNER_CENTER_ERROR,
                                "paging_aborted"),
                        Case.failed(
                                "a nextLink to a foreign host",
                                s -> s.faults().inject(Fault.foreignNextLink().onPage(2)),
                                ExitCode.PARTNER_CENTER_ERROR,
                                "paging_aborted"),
                        Case.failed(
                                "403 access denied",
                                s -> s.faults().inject(Fault.forbidden().onPage(2)),
                                ExitCode.PARTNER_CENTER_ERROR,
                                "forbidden"),
                        Case.recovered(
                                "access tokens rejected by the server",
                                s -> s.identity().expireAllAccessTokens()),
                        new Case(
                                "the refresh token revoked",
                                s -> {
                                    s.identity().expireAllAccessTokens();
                                    s.identity().revokeAllRefreshTokens();
                                },
                                ExitCode.SIGN_IN_REQUIRED,
                                "failed",
                                "sign_in_required",
                                true))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void afterTheFaultNothingIsLostAndTheNextRunRecovers(Case fault, TestPostgres pg, DataSource ds) {
        Cli cli = Cli.against(sim, pg, dir).with("HUNTER_PARTNER_CENTER_REQUEST_TIMEOUT", "1");
        assertThat(cli.run("auth", "login").exitCode()).isZero();
        fault.inject().accept(sim);

        Cli.Result run = cli.run("sync");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(fault.exit().code());
        SyncInvariants.Run recorded = SyncInvariants.lastRun(ds);
        assertThat(recorded.status()).as(run.toString()).isEqualTo(fault.status());
        assertThat(recorded.errorCode()).as(run.toString()).isEqualTo(fault.errorCode());
        SyncInvariants.assertWatermarkCoversOnlyStoredReferrals(sim, ds);
        assertThat(sim.foreignHost().journal().all())
                .as("the foreign host never sees a request")
                .isEmpty();

        sim.faults().clear();
        if (fault.signInAgain()) {
            assertThat(cli.run("auth", "login").exitCode()).isZero();
        }
        SyncInvariants.assertNextRunsRecover(sim, cli, ds);
    }
}
