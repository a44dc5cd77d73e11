package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production runbook's phases 3.1 and 3.2 from the command line: `hunter db backup`, `db restore`, `db migrate
 * --dry-run` and `db info`'s exit code, each against its own fresh database.
 */
@ExtendWith(PostgresExtension.class)
class DbBackupCommandsTest {

    @TempDir
    Path dir;

    private TestPostgres pg;
    private String database;

    @BeforeEach
    void freshDatabase(TestPostgres pg) throws Exception {
        this.pg = pg;
        this.database = "cli_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = pg.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
    }

    private Cli cli() {
        return new Cli(dir).database(pg).with("HUNTER_DATABASE_URL", pg.jdbcUrlFor(database));
    }

    @Test
    void infoExitsNonZeroWhilePendingAndTheDryRunListsWithoutApplying() {
        Cli.Result info = cli().run("db", "info");
        assertThat(info.exitCode()).as(info.toString()).isEqualTo(ExitCode.MIGRATIONS_PENDING.code());
        long pending =
                info.out().lines().filter(line -> line.contains("Pending")).count();
        assertThat(pending)
                .as("every migration of this build is pending on an empty database")
                .isGreaterThan(9);
        assertThat(info.out()).contains(pending + " migration(s) pending: run `hunter db migrate`");

        Cli.Result dryRun = cli().run("db", "migrate", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out())
                .contains(
                        pending + " pending migration(s), not applied (--dry-run):",
                        "  1 referrals schema",
                        "  9 restorable backups");
        assertThat(cli().run("db", "info").exitCode())
                .as("the dry run applied nothing")
                .isEqualTo(ExitCode.MIGRATIONS_PENDING.code());

        assertThat(cli().run("db", "migrate").exitCode()).isZero();
        assertThat(cli().run("db", "info").exitCode()).isZero();
        assertThat(cli().run("db", "migrate", "--dry-run").out()).contains("No pending migrations");
    }

    @Test
    void backupThenRestoreBringsTheRowsBack() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/pg_dump"))
                        || "required".equals(System.getenv("HUNTER_PG_CLIENT_TESTS")),
                "postgresql-client-15 is not installed");
        assertThat(cli().run("db", "migrate").exitCode()).isZero();
        execute("INSERT INTO companies (domain, name, source) VALUES ('contoso.com', 'Contoso', 'manual')");

        Cli.Result backup = cli().run("db", "backup", "--label", "pre_partner_center");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.out())
                .containsPattern("Backup: .*/backups/backup_pre_partner_center_\\d{8}_\\d{6}\\.sql \\(")
                .contains("companies 1", "Backup valid");
        Path file;
        try (var files = Files.list(dir.resolve("backups"))) {
            file = files.findFirst().orElseThrow();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("PostgreSQL database dump"); // the runbook's integrity grep

        execute("DELETE FROM companies");
        Cli.Result refused = cli().run("db", "restore", file.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.NOT_CONFIRMED.code());
        assertThat(refused.err()).contains("nothing was changed", "--yes");
        assertThat(count("companies")).isZero();

        Cli.Result restored = cli().run("db", "restore", file.toString(), "--yes");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.out()).contains("Restored. Rows:", "companies 1");
        assertThat(count("companies")).isEqualTo(1);
    }

    @Test
    void aBackupWithoutPgDumpFailsWithThePackageToInstall() {
        assertThat(cli().run("db", "migrate").exitCode()).isZero();
        Cli.Result result = cli().with("PATH", dir.resolve("no-bin").toString()).run("db", "backup");
        // /usr/lib/postgresql/15 may exist here: the command still finds the Debian folder, so only assert when absent
        if (!Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/pg_dump"))) {
            assertThat(result.exitCode()).isEqualTo(ExitCode.TOOL_MISSING.code());
            assertThat(result.err()).contains("apt-get install -y postgresql-client-15");
            assertThat(dir.resolve("backups")).doesNotExist();
        } else {
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
    }

    @Test
    void restoringSomethingThatIsNotABackupChangesNothing() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.sql"), "DROP TABLE companies;\n");
        Cli.Result result = cli().run("db", "restore", notes.toString(), "--yes");
        assertThat(result.exitCode()).isEqualTo(ExitCode.BACKUP_FAILED.code());
        assertThat(result.err()).contains("not a complete pg_dump backup");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrlFor(database), pg.user(), pg.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private int count(String table) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrlFor(database), pg.user(), pg.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
