package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A sync that quarantined referrals (issue 17, defect 1): the header says PARTIAL in its own colour, and the sync runs
 * tab lists the quarantine with each payload as text.
 */
@ExtendWith(PostgresExtension.class)
class MiniUiQuarantineBrowserTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path workDir;

    static DemoMode demo;
    static TestServer server;
    private Browser browser;

    @BeforeAll
    static void start(TestPostgres pg) {
        PostgresExtension.truncateAll(pg.dataSource());
        demo = TestServer.simulator(workDir, 30);
        demo.simulator()
                .referrals()
                .injectRaw("{\"name\":\"" + HOSTILE + "\",\"direction\":\"Incoming\","
                        + "\"status\":\"New\",\"updatedDateTime\":\"2020-01-01T00:00:00Z\"}");
        demo.simulator()
                .referrals()
                .injectRaw("{\"id\":\"bad-date\",\"direction\":\"Incoming\",\"status\":\"New\","
                        + "\"updatedDateTime\":\"31/12/2025\"}");
        server = TestServer.start(demo, pg.settings(), ServerRole.ALL);
        server.awaitIdle(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        server.close();
        demo.close();
    }

    @AfterEach
    void closeBrowser() {
        browser.closeExpectingNoConsoleErrors();
    }

    @Test
    void aPartialSyncIsShownAsSuchAndItsQuarantineOnTheRunsTab() {
        browser = Browser.open(server.port(), "en").go("/mini-ui/");
        browser.untilText("#partner-center-sync-status-text", "(PARTIAL)");
        WebElement indicator = browser.find("#partner-center-sync-status");
        assertThat(indicator.getAttribute("data-state")).isEqualTo("partial");
        assertThat(indicator.getAttribute("title")).contains("2 referrals could not be stored");

        indicator.click();
        browser.find("#quarantine-table");
        assertThat(browser.url()).contains("tab=runs");
        assertThat(browser.find("#sync-quarantine-title").getText()).isEqualTo("Quarantine (2)");
        assertThat(browser.all("#quarantine-table tbody tr")).hasSize(2);
        assertThat(browser.find("#quarantine-table tr[data-reason='bad_timestamp']")
                        .getText())
                .contains("bad-date", "unreadable date", "page 1", "31/12/2025", "1×");
        assertThat(browser.find("#runs-table tbody tr").getAttribute("data-status"))
                .isEqualTo("partial");
        assertThat(browser.find("#runs-table tbody tr .chip--run-partial").getText())
                .isEqualTo("PARTIAL");

        WebElement noId = browser.find("#quarantine-table tr[data-reason='missing_id']");
        assertThat(noId.getText()).contains("no id");
        noId.findElement(By.cssSelector("summary")).click();
        browser.until(d -> noId.findElement(By.cssSelector("pre")).isDisplayed());
        assertThat(noId.findElement(By.cssSelector("pre")).getText()).contains(HOSTILE);
        assertThat(browser.all("#quarantine-table img")).isEmpty();
        browser.screenshot("runs-quarantine-en");
        browser.assertAccessible("sync runs with a quarantine (en)");
    }

    @Test
    void inTurkish() {
        browser = Browser.open(server.port(), "tr").go("/mini-ui/?tab=runs");
        browser.untilText("#partner-center-sync-status-text", "(KISMİ)");
        assertThat(browser.find("#sync-quarantine-title").getText()).isEqualTo("Karantina (2)");
        assertThat(browser.find("#quarantine-table tr[data-reason='bad_timestamp']")
                        .getText())
                .contains("okunamayan tarih", "sayfa 1");
        browser.screenshot("runs-quarantine-tr");
        browser.assertAccessible("sync runs with a quarantine (tr)");
    }
}
