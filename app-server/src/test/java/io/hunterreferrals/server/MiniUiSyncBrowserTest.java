package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The header's live sync status against a server whose schedule syncs every two seconds: scheduled runs, their progress
 * and their failures show up without a reload. Also a second server with the feature flag off and an API key: the key
 * form, and the red toast with the server's message.
 */
@ExtendWith(PostgresExtension.class)
class MiniUiSyncBrowserTest {

    static final String KEY = "ui-test-key-0123456789";

    @TempDir
    static Path workDir;

    static DemoMode demo;
    static TestServer scheduled;
    static TestServer locked;
    private Browser browser;

    @BeforeAll
    static void start(TestPostgres pg) {
        PostgresExtension.truncateAll(pg.dataSource());
        demo = TestServer.simulator(workDir, 250);
        scheduled = TestServer.start(
                demo,
                TestServer.settings(demo, pg.settings(), Duration.ofSeconds(2), true, "127.0.0.1", List.of()),
                ServerRole.ALL);
        scheduled.awaitIdle(Duration.ofSeconds(60));
        locked = TestServer.start(
                demo,
                TestServer.settings(demo, pg.settings(), TestServer.ONE_HOUR, false, "127.0.0.1", List.of(KEY)),
                ServerRole.API);
    }

    @AfterAll
    static void stop() {
        locked.close();
        scheduled.close();
        demo.close();
    }

    @AfterEach
    void closeBrowser() {
        demo.simulator().faults().clear();
        browser.closeExpectingNoConsoleErrors();
    }

    @Test
    void aScheduledRunAppearsWithoutAReload() {
        browser = Browser.open(scheduled.port(), "en").go("/mini-ui/");
        browser.untilText("#partner-center-sync-status-text", "Last sync");
        String first = indicator().getAttribute("data-task-id");
        browser.script("window.__sameDocument = true");
        browser.until(d -> !indicator().getAttribute("data-task-id").equals(first));
        String later = indicator().getAttribute("data-task-id");
        assertThat(scheduled
                        .getJson("/api/v1/partner-center/sync/runs/" + later)
                        .path("trigger")
                        .asText())
                .isEqualTo("scheduled");
        assertThat(browser.script("return window.__sameDocument === true")).isEqualTo(true);
        assertThat(browser.script("return document.body.dataset.syncFeed")).isEqualTo("stream");
    }

    @Test
    void aRunningSyncShowsItsProgressInAmber() {
        // incremental runs fetch one page; holding it back keeps the run in its running state for a while
        demo.simulator().faults().inject(Fault.delay(Duration.ofSeconds(4)).times(3));
        browser = Browser.open(scheduled.port(), "en").go("/mini-ui/");
        browser.untilText("#partner-center-sync-status-text", "Sync running");
        assertThat(indicator().getAttribute("data-state")).isEqualTo("running");
        assertThat(browser.css(browser.find("#partner-center-sync-status .sync-status__dot"), "background-color"))
                .isEqualTo("rgba(183, 121, 31, 1)");
        assertThat(browser.find("#btn-partner-center-sync").isEnabled()).isFalse();
        browser.screenshot("sync-running-en");
    }

    @Test
    void aFailedRunIsRedWithItsErrorOnHoverAndOnClick() {
        demo.simulator().faults().inject(Fault.forbidden().times(1000));
        browser = Browser.open(scheduled.port(), "tr").go("/mini-ui/");
        browser.until(d -> "fail".equals(indicator().getAttribute("data-state")));
        assertThat(browser.find("#partner-center-sync-status-text").getText())
                .startsWith("Son sync: ")
                .endsWith("(FAIL)");
        assertThat(browser.css(browser.find("#partner-center-sync-status .sync-status__dot"), "background-color"))
                .isEqualTo("rgba(192, 57, 43, 1)");
        String title = indicator().getAttribute("title");
        assertThat(title).isNotBlank().contains("request id");
        indicator().click();
        WebElement dialog = browser.find("#run-error-dialog");
        assertThat(dialog.getText()).contains("Partner Center istek numarası", "403");
        browser.screenshot("sync-failed-tr");
        browser.assertAccessible("run error dialog");
        dialog.findElement(By.cssSelector(".dialog__close")).click();

        demo.simulator().faults().clear();
        browser.until(d -> "ok".equals(indicator().getAttribute("data-state")));
    }

    @Test
    void theKeyIsAskedForOnceKeptForTheSessionAndAWrongOneIsRefused() {
        browser = Browser.open(locked.port(), "en").go("/mini-ui/");
        WebElement input = browser.find("#api-key-input");
        browser.assertAccessible("API key form");
        input.sendKeys("wrong-key");
        browser.find("#api-key-dialog button[type='submit']").click();
        browser.untilText("#api-key-dialog .form-hint", "The API key was not accepted");
        browser.find("#api-key-input").sendKeys(KEY);
        browser.find("#api-key-dialog button[type='submit']").click();
        browser.find("#leads-table");
        assertThat(browser.script("return sessionStorage.getItem('hunter:api-key')"))
                .isEqualTo(KEY);
        assertThat(browser.script("return localStorage.getItem('hunter:api-key')"))
                .isNull();
        assertThat(browser.script("return document.cookie")).isEqualTo("");

        browser.reload();
        browser.find("#leads-table");
        assertThat(browser.all("#api-key-dialog")).isEmpty();

        // the flag is off on this server: the trigger is refused with the server's own message
        browser.find("#btn-partner-center-sync").click();
        browser.untilText("#toasts .toast--error", "HUNTER_PARTNER_CENTER_ENABLED");
        assertThat(browser.css(browser.find("#toasts .toast--error"), "background-color"))
                .isEqualTo("rgba(176, 58, 46, 1)");

        // A revoked key asks for the key again: the Runs tab's request or, under load, the live status's own
        // request may be the first to meet the 401 and open the dialog, so the tab is clicked by script (a dialog
        // that is already open would intercept a pointer click).
        browser.script("sessionStorage.setItem('hunter:api-key', 'revoked')");
        browser.script("document.getElementById('tab-runs').click()");
        browser.find("#api-key-input");
    }

    private WebElement indicator() {
        return browser.find("#partner-center-sync-status");
    }
}
