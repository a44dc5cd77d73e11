package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `hunter db migrate|info|shell` against a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class DbCommandsTest {

    @TempDir
    Path dir;

    private Cli cli(TestPostgres pg) {
        return new Cli(dir).database(pg);
    }

    @Test
    void migrateAndInfoShowTheSchema(TestPostgres pg) {
        Cli cli = cli(pg);
        Cli.Result migrate = cli.run("db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).contains("up to date");
        Cli.Result info = cli.run("db", "info");
        assertThat(info.exitCode()).isZero();
        assertThat(info.out()).contains("Embedded: no", "referrals schema", "Success");
    }

    @Test
    void shellRunsPsqlOnTheProductDatabase(TestPostgres pg) {
        assumeTrue(PsqlInvocation.findPsql(System.getenv()).isPresent(), "psql is not installed");
        ByteArrayOutputStream psqlOutput = new ByteArrayOutputStream();
        Cli cli = cli(pg).processes((command, environment) -> {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            try {
                Process process = builder.start();
                process.getInputStream().transferTo(psqlOutput);
                return process.waitFor();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
        Cli.Result result =
                cli.run("db", "shell", "-c", "SELECT COUNT(*) AS referral_count FROM partner_center_referrals");
        assertThat(result.exitCode())
                .as(result + psqlOutput.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(psqlOutput.toString(StandardCharsets.UTF_8)).contains("referral_count");
    }
}
