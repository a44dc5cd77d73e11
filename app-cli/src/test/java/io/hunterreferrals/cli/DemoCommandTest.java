package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hunter demo` needs no configuration, says its data is simulated, and keeps it in .hunter/demo. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void syncsSimulatedReferralsIntoTheDemoDatabaseAndSaysSo() {
        Cli cli = new Cli(dir);
        Cli.Result first = cli.run("demo", "--referrals", "60");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("SIMULATED", "Partner Center sync completed:", "Latest simulated referrals:");
        assertThat(SyncEndToEndTest.number(first.out(), "Success")).isPositive();
        assertThat(dir.resolve(".hunter/demo/postgres")).isDirectory();
        assertThat(dir.resolve(".hunter/demo/token_cache")).isRegularFile();
        assertThat(dir.resolve(".hunter/postgres")).doesNotExist();
        int stored = SyncEndToEndTest.number(first.out(), "Success");
        assertThat(first.out())
                .contains("Hamle 2: pushed to the SIMULATED Dynamics 365 as leads: " + stored
                        + " created, 0 updated, 0 refused; the simulated Dynamics now holds " + stored + " leads");

        Cli.Result second = cli.run("demo", "--referrals", "60");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(SyncEndToEndTest.number(second.out(), "Success")).isZero();
        // every demo's Dynamics starts empty, so every stored referral becomes a lead there again
        assertThat(second.out()).contains("as leads: " + stored + " created");
        NoSecretsInLogs.assertClean(cli.allLogs);
    }
}
