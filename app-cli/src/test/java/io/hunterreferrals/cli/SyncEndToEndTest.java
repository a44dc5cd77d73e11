package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Runbook phases 2 and 3 through the real commands: login, sync, the numbers in the database, a second sync. */
@ExtendWith(PostgresExtension.class)
class SyncEndToEndTest {

    private static final List<String> RUN_EVENTS = List.of(
            "partner_center_sync_task_started",
            "partner_center_sync_started",
            "partner_center_referrals_fetched",
            "partner_center_sync_summary",
            "partner_center_sync_task_completed");

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
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void loginThenSyncStoresWhatItPrintsAndASecondSyncChangesNothing(TestPostgres pg, DataSource ds)
            throws SQLException {
        Cli cli = Cli.against(sim, pg, dir);

        Cli.Result login = cli.run("auth", "login");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.err()).contains("Enter this code:").contains("/devicelogin");
        assertThat(login.out()).contains("Token type: Bearer", "Token cache saved to: " + dir.resolve(".token_cache"));
        assertThat(dir.resolve(".token_cache")).isNotEmptyFile();
        assertThat(cli.run("auth", "status").exitCode()).isZero();

        Cli.Result first = cli.run("sync");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out())
                .containsPattern("Partner Center sync completed:\n  - Success: \\d+\n  - Failed: 0\n"
                        + "  - Skipped: \\d+\n  - Total processed: \\d+\n");
        int success = number(first.out(), "Success");
        assertThat(success).isPositive();
        assertThat(count(ds, "SELECT COUNT(*) FROM partner_center_referrals")).isEqualTo(success);
        assertThat(count(ds, "SELECT COUNT(*) FROM sync_runs WHERE trigger = 'cli' AND status = 'succeeded'"))
                .isEqualTo(1);
        assertRunEventsLogged(first.logs());
        Map<String, Timestamp> changedAt = changedAt(ds);

        Cli.Result second = cli.run("sync", "--full");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(number(second.out(), "Success")).isZero();
        assertThat(second.out()).contains("unchanged=" + success);
        assertThat(changedAt(ds)).isEqualTo(changedAt);

        Cli.Result dryRun = cli.run("sync", "--full", "--dry-run");
        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("Dry run: nothing was written");

        Cli.Result list = cli.run("referrals", "list", "--json", "--limit", "200");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("\"total\" : " + success);
        String someId = changedAt.keySet().iterator().next();
        Cli.Result show = cli.run("referrals", "show", someId, "--json", "--raw");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("\"referral_id\" : \"" + someId + "\"", "\"raw\" : {");
        assertThat(cli.run(
                                "referrals",
                                "list",
                                "--type",
                                "co-sell",
                                "--status",
                                "Active",
                                "--link-status",
                                "unlinked",
                                "--search",
                                "a")
                        .exitCode())
                .isZero();

        Cli.Result leads = cli.run("leads", "list");
        assertThat(leads.exitCode()).as(leads.toString()).isZero();
        assertThat(leads.out()).contains("DOMAIN", "leads.");

        Cli.Result logout = cli.run("auth", "logout");
        assertThat(logout.exitCode()).isZero();
        assertThat(cli.run("sync").exitCode()).isEqualTo(ExitCode.SIGN_IN_REQUIRED.code());

        NoSecretsInLogs.assertClean(cli.allLogs);
    }

    @Test
    void leadsImportCreatesCompaniesOnceAndReportsRejectedLines(TestPostgres pg, DataSource ds) throws Exception {
        Cli cli = Cli.against(sim, pg, dir);
        Files.writeString(
                dir.resolve("leads.csv"), "domain,name,country\nexample.com.tr,Example,TR\nwww.contoso.com,Contoso,\n");
        Cli.Result first = cli.run("leads", "import", "leads.csv");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Created: 2", "Rejected: 0");
        assertThat(cli.run("leads", "import", "leads.csv").out()).contains("Created: 0", "Already present: 2");

        Files.writeString(dir.resolve("bad.csv"), "domain,name,country\ngmail.com,Mail,\nfabrikam.com,Fabrikam,TR\n");
        Cli.Result partial = cli.run("leads", "import", "bad.csv");
        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(ExitCode.PARTIAL.code());
        assertThat(partial.out()).contains("line 2:");
        assertThat(count(ds, "SELECT COUNT(*) FROM companies")).isEqualTo(3);
        assertThat(cli.run("leads", "list", "--json").out()).contains("\"domain\" : \"contoso.com\"");
    }

    private static void assertRunEventsLogged(String jsonLogs) {
        List<String> lines = jsonLogs.lines()
                .filter(l -> l.contains("\"message\":\"partner_center_"))
                .toList();
        for (String event : RUN_EVENTS) {
            assertThat(lines).as(event).anySatisfy(l -> assertThat(l).contains("\"message\":\"" + event + "\""));
        }
        String taskId = taskId(lines.getFirst());
        assertThat(lines).allSatisfy(l -> assertThat(taskId(l)).isEqualTo(taskId));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"success_count\":", "\"skipped_reasons\":"));
    }

    private static String taskId(String line) {
        Matcher m = Pattern.compile("\"task_id\":\"([^\"]+)\"").matcher(line);
        assertThat(m.find()).as("task_id in " + line).isTrue();
        return m.group(1);
    }

    static int number(String out, String label) {
        Matcher m = Pattern.compile("  - " + label + ": (\\d+)").matcher(out);
        assertThat(m.find()).as(label + " in " + out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static int count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Map<String, Timestamp> changedAt(DataSource ds) throws SQLException {
        Map<String, Timestamp> values = new HashMap<>();
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT referral_id, changed_at FROM partner_center_referrals")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getTimestamp(2));
            }
        }
        return values;
    }
}
