package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.Canary;
import io.hunterreferrals.simulator.Fault;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17's log canaries: referrals seeded with e-mail addresses, names, phone numbers, notes and token-like strings
 * (stored, and quarantined with their payload), synced, failed and listed through the real commands; neither the logs
 * (JSON and console) nor what the sync commands print hold any of them, and the token cache stays owner-only.
 */
@ExtendWith(PostgresExtension.class)
class LogCanaryTest {

    private static final String NOTE = "hunter-canary note: ring Ayşe Canary on +90 555 000 13 37 before Friday";
    private static final String SECRET_NAME = "Canary Gizli Kişi";
    private static final String TOKEN_LIKE = Canary.ACCESS_TOKEN_PREFIX + "leaked-into-a-referral";

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;

    @BeforeEach
    void start(DataSource ds) {
        PostgresExtension.truncateAll(ds);
        sim = PartnerCenterSimulator.builder()
                .referrals(120)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
        String contact = "{\"firstName\":\"" + SECRET_NAME + "\",\"email\":\"" + Canary.CUSTOMER_EMAIL
                + "\",\"phoneNumber\":\"" + Canary.CUSTOMER_PHONE + "\"}";
        sim.referrals()
                .injectRaw("{\"id\":\"canary-stored\",\"direction\":\"Incoming\",\"status\":\"New\","
                        + "\"type\":\"Independent\",\"name\":\"" + SECRET_NAME
                        + "\",\"updatedDateTime\":\"2025-06-01T00:00:00Z\","
                        + "\"customerProfile\":{\"name\":\"" + SECRET_NAME + " A.Ş.\",\"team\":[" + contact + "]},"
                        + "\"details\":{\"notes\":\"" + NOTE + "\"},\"externalReferenceId\":\"" + TOKEN_LIKE + "\"}");
        sim.referrals()
                .injectRaw("{\"direction\":\"Incoming\",\"status\":\"New\",\"name\":\"" + SECRET_NAME + "\","
                        + "\"customerProfile\":{\"team\":[" + contact + "]},\"details\":{\"notes\":\"" + NOTE + "\"}}");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @ParameterizedTest(name = "{0} logs")
    @ValueSource(strings = {"json", "console"})
    void noPersonalDataOrTokenReachesALogOrASyncOutput(String format, TestPostgres pg) throws Exception {
        Cli cli = Cli.against(sim, pg, dir).with("HUNTER_LOG_FORMAT", format);
        assertThat(cli.run("auth", "login").exitCode()).isZero();
        List<Cli.Result> outputs = Stream.of(
                        cli.run("sync"),
                        cli.run("sync", "--full"),
                        failingSync(cli),
                        cli.run("sync", "failures"),
                        cli.run("sync", "failures", "--json"),
                        cli.run("config", "check"))
                .toList();

        assertThat(outputs.get(0).exitCode()).as(outputs.get(0).toString()).isEqualTo(ExitCode.PARTIAL.code());
        assertThat(outputs.get(3).out()).contains("missing_id");
        // the personal data did go through: the referral is stored, and showing it (its purpose) prints it
        assertThat(cli.run("referrals", "show", "canary-stored").out()).contains(SECRET_NAME);
        NoSecretsInLogs.assertClean(cli.allLogs);
        assertThat(cli.allLogs.toString()).isNotBlank().doesNotContain(SECRET_NAME, NOTE, TOKEN_LIKE, "Ayşe");
        for (Cli.Result output : outputs) {
            String printed = output.out() + output.err();
            NoSecretsInLogs.assertClean(printed);
            assertThat(printed).doesNotContain(SECRET_NAME, NOTE, TOKEN_LIKE);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains(".token_cache")))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(Files.getPosixFilePermissions(f))
                            .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        }
    }

    private Cli.Result failingSync(Cli cli) {
        sim.faults().inject(Fault.forbidden());
        try {
            return cli.run("sync");
        } finally {
            sim.faults().clear();
        }
    }
}
