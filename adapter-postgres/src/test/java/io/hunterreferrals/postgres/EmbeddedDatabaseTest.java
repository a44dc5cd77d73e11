package io.hunterreferrals.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup database: embedded PostgreSQL with a persistent folder, shared by several users of the folder. */
class EmbeddedDatabaseTest {

    @TempDir
    Path workDir;

    @Test
    void dataSurvivesCloseAndReopenAndASecondInstanceAttaches() throws Exception {
        Path dataDir = workDir.resolve(".hunter/postgres");
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir);
        assertThat(settings.isEmbedded()).isTrue();

        try (Database first = Database.open(settings)) {
            assertThat(first.isEmbedded()).isTrue();
            assertThat(first.startedEmbeddedServer()).isTrue();
            assertThat(first.location()).matches("jdbc:postgresql://localhost:\\d+/hunter\\?user=postgres");
            assertThat(first.migrations()).extracting(Database.Migration::state).containsOnly("Success");
            assertThat(scalar(first.dataSource(), "SHOW fsync")).isEqualTo("on");
            assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
            exec(
                    first.dataSource(),
                    "INSERT INTO companies (domain, name, source) VALUES ('kalici.com.tr', 'Kalıcı', 'manual')");

            // a second user of the same folder attaches to the running server instead of starting another
            try (Database second = Database.open(settings)) {
                assertThat(second.startedEmbeddedServer()).isFalse();
                assertThat(second.location()).isEqualTo(first.location());
                assertThat(second.migrate().executed()).isZero();
                assertThat(scalar(second.dataSource(), "SELECT name FROM companies WHERE domain = 'kalici.com.tr'"))
                        .isEqualTo("Kalıcı");
            }
            // closing the attached one leaves the server up for the first
            assertThat(scalar(first.dataSource(), "SELECT count(*) FROM companies"))
                    .isEqualTo("1");
        }
        // the last one out stopped the server
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();

        try (Database reopened = Database.open(settings)) {
            assertThat(reopened.startedEmbeddedServer()).isTrue();
            assertThat(reopened.migrate().executed()).isZero();
            assertThat(scalar(reopened.dataSource(), "SELECT name FROM companies WHERE domain = 'kalici.com.tr'"))
                    .isEqualTo("Kalıcı");
        }
    }

    @Test
    void theEmbeddedServerIsTheMajorTheCodeAndTheBackupClientExpect() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(workDir.resolve("pg"));
        try (Database db = Database.open(settings)) {
            assertThat(scalar(db.dataSource(), "SELECT current_setting('server_version_num')::int / 10000"))
                    .isEqualTo(Integer.toString(EmbeddedServer.MAJOR_VERSION));
        }
        assertThat(Files.readString(workDir.resolve("pg/PG_VERSION")).strip())
                .isEqualTo(Integer.toString(EmbeddedServer.MAJOR_VERSION));
    }

    @Test
    void aFolderOfAnotherMajorIsRefusedWithTheWayOutAndLeftUntouched() throws Exception {
        Path dataDir = workDir.resolve(".hunter/postgres");
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("PG_VERSION"), "17\n");
        Files.writeString(dataDir.resolve("postgresql.conf"), "# made by PostgreSQL 17\n");
        // the way out names the URL setting as the application calls it
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir)
                .withSettingNames(new DatabaseSettings.SettingNames(
                        "HUNTER_DATABASE_URL", "HUNTER_DATABASE_USER", "HUNTER_DATABASE_PASSWORD"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("created by PostgreSQL 17")
                .hasMessageContaining("embeds PostgreSQL " + EmbeddedServer.MAJOR_VERSION)
                .hasMessageContaining("Nothing was changed")
                .hasMessageContaining("-pg17")
                .hasMessageContaining("HUNTER_DATABASE_URL");
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("PG_VERSION", "postgresql.conf");
        }
        assertThat(Files.readString(dataDir.resolve("PG_VERSION"))).isEqualTo("17\n");
    }

    @Test
    void theServerOutlivesItsStarterWhileAnotherUserIsConnected() throws Exception {
        Path dataDir = workDir.resolve("pg");
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir);
        Database starter = Database.open(settings);
        Database attached = Database.open(settings);
        assertThat(attached.startedEmbeddedServer()).isFalse();
        starter.close();
        // still served: the attached user keeps working
        exec(
                attached.dataSource(),
                "INSERT INTO companies (domain, name, source) VALUES ('still-up.com', 'Up', 'manual')");
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isTrue();
        attached.close(); // last one out: stops the server it did not start
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
    }

    private static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String scalar(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
