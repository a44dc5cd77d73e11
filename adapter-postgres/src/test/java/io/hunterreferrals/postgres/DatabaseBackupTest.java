package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.postgres.backup.BackupException;
import io.hunterreferrals.postgres.backup.BackupException.Reason;
import io.hunterreferrals.postgres.backup.DatabaseBackup;
import io.hunterreferrals.postgres.backup.DatabaseRestore;
import io.hunterreferrals.postgres.backup.PgClientTools;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hunter db backup} and {@code restore} with the real pg_dump and psql of the server's major (Debian's
 * postgresql-client-15; .ci/run installs it): backup, restore, counts equal, for an external and the embedded database;
 * and every failure leaves no file that looks like a backup.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseBackupTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 3, 12, 5, 1);

    @TempDir
    Path dir;

    private TestPostgres pg;
    private String database;

    @BeforeEach
    void ownDatabase(TestPostgres pg) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/pg_dump"))
                        || "required".equals(System.getenv("HUNTER_PG_CLIENT_TESTS")),
                "postgresql-client-15 is not installed (apt-get install -y postgresql-client-15)");
        this.pg = pg;
        this.database = "backup_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = pg.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
    }

    @Test
    void anExternalDatabaseBacksUpVerifiesAndRestores() throws Exception {
        try (Database db = Database.open(
                DatabaseSettings.external(DatabaseUrl.parse(urlOf(database)), pg.user(), pg.password()))) {
            seed(db, 3);
            DatabaseBackup.Result backup = new DatabaseBackup(PgClientTools.system(), TIMEOUT)
                    .create(db, new DatabaseBackup.Request(dir.resolve("backups"), "pre_partner_center", true, AT));

            assertThat(backup.file()).isEqualTo(dir.resolve("backups/backup_pre_partner_center_20261203_120501.sql"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.file())))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(backup.file()))
                    .contains("PostgreSQL database dump")
                    .contains("-- PostgreSQL database dump complete");
            assertThat(backup.verifiedIn()).isPresent();
            assertThat(backup.counts())
                    .containsEntry("companies", 3L)
                    .containsKey("flyway_schema_history")
                    .containsEntry("dynamics_push_state", 1L)
                    .containsEntry("dynamics_push_runs", 1L);
            assertThat(backup.sizeBytes()).isEqualTo(Files.size(backup.file()));
            assertThat(databases()).doesNotContain(backup.verifiedIn().get());
            try (var files = Files.list(dir.resolve("backups"))) {
                assertThat(files).containsExactly(backup.file()); // no .partial left
            }

            seed(db, 2);
            execute(db, "DELETE FROM companies WHERE name = 'Company 0'");
            DatabaseRestore.Result restored =
                    new DatabaseRestore(PgClientTools.system(), TIMEOUT).restore(db, backup.file());

            assertThat(restored.counts()).isEqualTo(backup.counts());
            assertThat(count(db, "companies")).isEqualTo(3);
        }
    }

    @Test
    void theEmbeddedDatabaseBacksUpAndRestoresTheSameWay() throws Exception {
        try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("pg")))) {
            seed(db, 4);
            DatabaseBackup.Result backup = new DatabaseBackup(PgClientTools.system(), TIMEOUT)
                    .create(db, new DatabaseBackup.Request(dir.resolve("backups"), "manual", true, AT));
            assertThat(backup.counts()).containsEntry("companies", 4L);
            assertThat(backup.serverMajor()).isEqualTo(15);

            execute(db, "DELETE FROM companies");
            DatabaseRestore.Result restored =
                    new DatabaseRestore(PgClientTools.system(), TIMEOUT).restore(db, backup.file());
            assertThat(restored.counts()).isEqualTo(backup.counts());
        }
    }

    @Test
    void noPgDumpNamesThePackageAndWritesNothing() throws Exception {
        PgClientTools none =
                new PgClientTools(Map.of("PATH", dir.resolve("empty").toString()), dir.resolve("none"));
        try (Database db = Database.open(
                DatabaseSettings.external(DatabaseUrl.parse(urlOf(database)), pg.user(), pg.password()))) {
            assertThatThrownBy(() -> new DatabaseBackup(none, TIMEOUT)
                            .create(db, new DatabaseBackup.Request(dir.resolve("backups"), "x", true, AT)))
                    .isInstanceOfSatisfying(
                            BackupException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLIENT_MISSING))
                    .hasMessageContaining("no pg_dump is installed")
                    .hasMessageContaining("apt-get install -y postgresql-client-15")
                    .hasMessageContaining("Nothing was written");
        }
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aPgDumpOfAnotherMajorIsNotUsed() throws Exception {
        Path bin = fakeProgram("pg_dump", "echo 'pg_dump (PostgreSQL) 13.4'");
        PgClientTools wrong = new PgClientTools(Map.of("PATH", bin.toString()), dir.resolve("none"));
        try (Database db = Database.open(
                DatabaseSettings.external(DatabaseUrl.parse(urlOf(database)), pg.user(), pg.password()))) {
            assertThatThrownBy(() -> new DatabaseBackup(wrong, TIMEOUT)
                            .create(db, new DatabaseBackup.Request(dir.resolve("backups"), "x", true, AT)))
                    .hasMessageContaining("only " + bin.resolve("pg_dump") + " (PostgreSQL 13) is installed")
                    .hasMessageContaining("postgresql-client-15");
        }
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aDumpThatStopsHalfWayLeavesNoFile() throws Exception {
        // the right version, then half a dump and a failure, as a dropped connection would
        Path bin = fakeProgram("pg_dump", """
                if [ "$1" = --version ]; then echo 'pg_dump (PostgreSQL) 15.18'; exit 0; fi
                printf -- '--\\n-- PostgreSQL database dump\\n--\\nCREATE TABLE t (i int);\\n'
                echo 'pg_dump: error: connection lost' >&2; exit 1""");
        assertFailsLeavingNothing(bin, Reason.DUMP_FAILED, "connection lost");
    }

    @Test
    void aCompleteLookingDumpThatDoesNotMatchTheDatabaseIsNotKept() throws Exception {
        Path bin = fakeProgram("pg_dump", """
                if [ "$1" = --version ]; then echo 'pg_dump (PostgreSQL) 15.18'; exit 0; fi
                printf -- '--\\n-- PostgreSQL database dump\\n--\\n\\n-- PostgreSQL database dump complete\\n--\\n'""");
        assertFailsLeavingNothing(bin, Reason.VERIFY_FAILED, "companies 3 in the database, missing restored");
    }

    @Test
    void aRestoreIsRefusedWhileAnotherHunterProcessIsConnectedAndChangesNothing() throws Exception {
        try (Database db = Database.open(
                DatabaseSettings.external(DatabaseUrl.parse(urlOf(database)), pg.user(), pg.password()))) {
            seed(db, 2);
            DatabaseBackup.Result backup = new DatabaseBackup(PgClientTools.system(), TIMEOUT)
                    .create(db, new DatabaseBackup.Request(dir, "x", false, AT));
            assertThat(backup.verifiedIn()).isEmpty();
            seed(db, 1);
            Properties props = new Properties();
            props.setProperty("user", pg.user());
            props.setProperty("ApplicationName", "hunter:999999:worker1"); // a server in another process
            try (Connection other = DriverManager.getConnection(urlOf(database), props)) {
                assertThatThrownBy(
                                () -> new DatabaseRestore(PgClientTools.system(), TIMEOUT).restore(db, backup.file()))
                        .isInstanceOfSatisfying(
                                BackupException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.IN_USE))
                        .hasMessageContaining("1 other hunter process(es)");
            }
            assertThat(count(db, "companies")).isEqualTo(3);
        }
    }

    @Test
    void aFileThatIsNotACompleteBackupIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.sql"), "-- PostgreSQL database dump\nDROP TABLE companies;\n");
        assertThatThrownBy(() -> DatabaseRestore.checkIsBackup(file))
                .isInstanceOfSatisfying(
                        BackupException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_BACKUP))
                .hasMessageContaining("not a complete pg_dump backup");
        assertThatThrownBy(() -> DatabaseRestore.checkIsBackup(dir.resolve("missing.sql")))
                .hasMessageContaining("does not exist");
    }

    private void assertFailsLeavingNothing(Path bin, Reason reason, String message) throws Exception {
        fakeProgram("psql", "exec /usr/lib/postgresql/15/bin/psql \"$@\""); // the real one
        PgClientTools fake = new PgClientTools(Map.of("PATH", bin.toString()), dir.resolve("none"));
        try (Database db = Database.open(
                DatabaseSettings.external(DatabaseUrl.parse(urlOf(database)), pg.user(), pg.password()))) {
            seed(db, 3);
            assertThatThrownBy(() -> new DatabaseBackup(fake, TIMEOUT)
                            .create(db, new DatabaseBackup.Request(dir.resolve("backups"), "x", true, AT)))
                    .isInstanceOfSatisfying(
                            BackupException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                    .hasMessageContaining(message)
                    .hasMessageContaining("Nothing was");
        }
        try (var files = Files.list(dir.resolve("backups"))) {
            assertThat(files).isEmpty();
        }
        assertThat(databases()).noneMatch(name -> name.startsWith("hunter_verify_"));
    }

    private Path fakeProgram(String name, String body) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path program = Files.writeString(bin.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        return bin;
    }

    private String urlOf(String name) {
        return pg.jdbcUrl().replaceFirst("/postgres$", "/" + name);
    }

    private static void seed(Database db, int companies) {
        DSLContext dsl = Seed.dsl(db.dataSource());
        int existing = count(db, "companies");
        for (int i = existing; i < existing + companies; i++) {
            Seed.company(dsl, "company" + i + ".example", "Company " + i);
        }
        String referral = "R-" + UUID.randomUUID();
        dsl.executeInsert(Seed.referral(
                referral,
                "Company",
                "company.example",
                "co-sell",
                OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC)));
        // the push's tables restore too (V10): a state that references the referral, a finished run
        dsl.execute(
                "INSERT INTO dynamics_push_state (referral_id, status, lead_id, lead_hash, referral_hash, "
                        + "mapping_version, pushed_at, attempts, updated_at) VALUES (?, 'pushed', 'lead-1', "
                        + "'l', 'h', 1, "
                        + "now(), 0, now())",
                referral);
        dsl.execute("INSERT INTO dynamics_push_runs (run_id, trigger, status, started_at, finished_at, "
                + "skipped_reasons) VALUES (gen_random_uuid(), 'cli', 'success', now(), now(), '{\"unchanged\": 1}')");
    }

    private static int count(Database db, String table) {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(Database db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private java.util.List<String> databases() throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = pg.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
