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

        Cli.Result second = cli.run("demo", "--referrals", "60");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(SyncEndToEndTest.number(second.out(), "Success")).isZero();
        NoSecretsInLogs.assertClean(cli.allLogs);
    }
}
