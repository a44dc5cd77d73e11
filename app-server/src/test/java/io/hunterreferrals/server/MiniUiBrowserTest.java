package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in a real Chromium against the real server, the simulator and PostgreSQL: the header's sync button and
 * status, the leads with their badges, the language switch, a hostile referral, the screens' accessibility. The inbox
 * and its actions are in {@link MiniUiInboxBrowserTest}.
 */
@ExtendWith(PostgresExtension.class)
class MiniUiBrowserTest {

    static final String HOSTILE_NAME = "<img src=x onerror=\"window.__pwned=1;alert(1)\">";
    static final String HOSTILE_COMPANY = "<script>window.__pwned=2</script>Evil Corp";
    static final String LONELY_DOMAIN = "referanssiz-ornek.com.tr";

    @TempDir
    static Path workDir;

    static DemoMode demo;
    static TestServer server;
    static String hostileId;
    private Browser browser;

    @BeforeAll
    static void start(TestPostgres pg) {
        PostgresExtension.truncateAll(pg.dataSource());
        demo = TestServer.simulator(workDir, 120);
        hostileId = demo.simulator().referrals().addNew(MiniUiBrowserTest::hostile);
        server = TestServer.start(demo, pg.settings(), ServerRole.ALL);
        server.awaitIdle(Duration.ofSeconds(60));
        assertThat(server.post(
                                "/api/v1/leads/import",
                                "domain,name,country\n" + LONELY_DOMAIN + ",Referanssız Ltd,TR\n")
                        .statusCode())
                .isEqualTo(200);
    }

    static void hostile(ObjectNode referral) {
        referral.put("name", HOSTILE_NAME)
                .put("status", "New")
                .put("substatus", "Pending")
                .put("direction", "Incoming");
        ((ObjectNode) referral.get("customerProfile")).put("name", HOSTILE_COMPANY);
    }

    @AfterAll
    static void stop() {
        server.close();
        demo.close();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.closeExpectingNoConsoleErrors();
        }
    }

    private Browser open(String language) {
        browser = Browser.open(server.port(), language);
        return browser;
    }

    @Test
    void theRootRedirectsToTheUiWhichOpensOnTheLeadsWithTheLastSync() {
        open("en").go("/");
        assertThat(browser.url()).endsWith("/mini-ui/");
        browser.find("#leads-table");
        assertThat(browser.find("#tab-leads").getAttribute("aria-selected")).isEqualTo("true");
        browser.untilText("#partner-center-sync-status-text", "Last sync: just now (OK)");
        WebElement indicator = browser.find("#partner-center-sync-status");
        assertThat(indicator.getAttribute("data-state")).isEqualTo("ok");
        assertThat(browser.css(browser.find("#partner-center-sync-status .sync-status__dot"), "background-color"))
                .isEqualTo("rgba(30, 126, 69, 1)");
        browser.screenshot("leads-en");
        browser.assertAccessible("leads (en)");
    }

    @Test
    void badgesShowTheTypeInItsColourWithTooltipsCountsLinkChipsAndADashWithoutReferrals() {
        open("en").go("/mini-ui/");
        browser.find("#leads-table");
        WebElement coSell = browser.find("#leads-table .referral-badge--co-sell");
        assertThat(coSell.getText()).isEqualTo("Co-sell");
        assertThat(coSell.getAttribute("title")).isEqualTo("Partner Center Referral: Co-sell");
        assertThat(browser.css(coSell, "background-color")).isEqualTo("rgba(31, 111, 178, 1)");
        WebElement sp = browser.find("#leads-table .referral-badge--solution-provider");
        assertThat(sp.getText()).isEqualTo("SP");
        assertThat(sp.getAttribute("title")).isEqualTo("Partner Center Referral: Solution Provider");
        assertThat(browser.css(sp, "background-color")).isEqualTo("rgba(179, 84, 0, 1)");
        assertThat(browser.css(sp, "color")).isEqualTo("rgba(255, 255, 255, 1)");

        JsonNode several = firstLead("", lead -> lead.path("referral_count").asInt() > 1);
        WebElement row = browser.find(
                "#leads-table tr[data-domain='" + several.path("domain").asText() + "']");
        WebElement count = row.findElement(By.cssSelector(".count-badge"));
        assertThat(count.getText())
                .isEqualTo("(" + several.path("referral_count").asInt() + ")");
        assertThat(count.getAttribute("title"))
                .startsWith(several.path("referral_count").asInt() + " referrals: ");
        assertThat(row.findElement(By.cssSelector(".chip")).getText()).contains("Auto-linked");

        WebElement search = browser.find("#filter-leads-search");
        search.sendKeys(LONELY_DOMAIN);
        browser.until(
                d -> d.findElements(By.cssSelector("#leads-table tbody tr")).size() == 1);
        WebElement lonely = browser.find("#leads-table tr[data-domain='" + LONELY_DOMAIN + "'] .referral-cell");
        assertThat(lonely.findElements(By.cssSelector(".referral-badge, .count-badge")))
                .isEmpty();
        assertThat(lonely.findElement(By.cssSelector(".dash")).getText()).isEqualTo("-");
        assertThat(lonely.findElement(By.cssSelector(".chip--link-none")).getText())
                .isEqualTo("-");
        assertThat(browser.url()).contains("search=" + LONELY_DOMAIN);
    }

    @Test
    void theTypeFilterNarrowsTheLeadsAndTheAddressKeepsItAcrossAReload() {
        open("en").go("/mini-ui/");
        browser.find("#leads-table");
        new Select(browser.find("#filter-referral-type")).selectByValue("co-sell");
        browser.until(d -> d.getCurrentUrl().contains("referral_type=co-sell"));
        List<String> expected = domains(server.getJson("/api/v1/leads?referral_type=co-sell&page_size=50"));
        browser.until(d -> shownDomains().equals(expected));
        int all = server.getJson("/api/v1/leads?page_size=1").path("total").asInt();
        assertThat(expected).isNotEmpty().hasSizeLessThan(all).doesNotContain(LONELY_DOMAIN);

        browser.reload();
        browser.find("#leads-table");
        assertThat(new Select(browser.find("#filter-referral-type"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Co-sell");
        assertThat(shownDomains()).isEqualTo(expected);
    }

    @Test
    void theSyncButtonQueuesARunWhoseProgressTheIndicatorFollowsToOk() {
        open("en").go("/mini-ui/");
        browser.untilText("#partner-center-sync-status-text", "Last sync");
        String before = browser.find("#partner-center-sync-status").getAttribute("data-task-id");

        browser.find("#btn-partner-center-sync").click();
        browser.untilText("#toasts .toast--success", "Partner Center sync queued");
        assertThat(browser.css(browser.find("#toasts .toast--success"), "background-color"))
                .isEqualTo("rgba(30, 126, 69, 1)");
        browser.until(d -> !browser.find("#partner-center-sync-status")
                        .getAttribute("data-task-id")
                        .equals(before)
                && "ok".equals(browser.find("#partner-center-sync-status").getAttribute("data-state")));
        assertThat(browser.find("#partner-center-sync-status-text").getText()).isEqualTo("Last sync: just now (OK)");
        assertThat(browser.find("#btn-partner-center-sync").isEnabled()).isTrue();
        String finished = browser.find("#partner-center-sync-status").getAttribute("data-task-id");
        assertThat(server.getJson("/api/v1/partner-center/sync/runs/" + finished)
                        .path("trigger")
                        .asText())
                .isEqualTo("manual");
    }

    @Test
    void whileARunIsQueuedTheButtonIsDisabledAndTheIndicatorIsAmber() {
        open("en").go("/mini-ui/");
        browser.untilText("#partner-center-sync-status-text", "Last sync");
        // Partner Center answers slowly, so the run is still going while the page is looked at.
        demo.simulator().faults().inject(io.hunterreferrals.simulator.Fault.delay(Duration.ofSeconds(4)));
        browser.find("#btn-partner-center-sync").click();
        // The indicator turns amber the moment the run is accepted and stays so until the server reports it done.
        browser.until(d ->
                "running".equals(browser.find("#partner-center-sync-status").getAttribute("data-state")));
        assertThat(browser.find("#btn-partner-center-sync").isEnabled()).isFalse();
        assertThat(browser.css(browser.find("#partner-center-sync-status .sync-status__dot"), "background-color"))
                .isEqualTo("rgba(183, 121, 31, 1)");
        browser.until(
                d -> "ok".equals(browser.find("#partner-center-sync-status").getAttribute("data-state")));
    }

    @Test
    void aRunStartedElsewhereShowsUpWithoutAReload() {
        open("en").go("/mini-ui/");
        browser.untilText("#partner-center-sync-status-text", "Last sync");
        browser.script("window.__sameDocument = true");
        String taskId = server.triggerSync().path("task_id").asText();
        server.awaitRunFinished(taskId, Duration.ofSeconds(30));
        browser.until(
                d -> taskId.equals(browser.find("#partner-center-sync-status").getAttribute("data-task-id")));
        assertThat(browser.script("return window.__sameDocument === true")).isEqualTo(true);
        browser.untilText("#toasts .toast--success", "Sync finished");
    }

    @Test
    void aHostileReferralIsShownAsTextAndRunsNothing() {
        open("en").go("/mini-ui/?tab=inbox&search=Evil");
        browser.find("#referrals-table");
        WebElement row = browser.find("#referrals-table tr[data-referral-id='" + hostileId + "']");
        assertThat(row.getText()).contains(HOSTILE_COMPANY).contains(HOSTILE_NAME);
        browser.click("#referrals-table tr[data-referral-id='" + hostileId + "'] .js-detail");
        browser.find("#referral-detail");
        assertThat(browser.find("#referral-detail-modal .dialog__title").getText())
                .isEqualTo(HOSTILE_NAME);
        // the raw payload (collapsed) holds the name as JSON text
        assertThat(browser.driver().findElement(By.id("referral-raw-json")).getAttribute("textContent"))
                .contains("onerror");

        assertThat(browser.all("img[src='x'], main script, dialog script, dialog img"))
                .isEmpty();
        assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
        try {
            browser.driver().switchTo().alert();
            throw new AssertionError("an alert was opened by the referral's text");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    void turkishByDefaultForATurkishBrowserAndTheSwitchIsRemembered() {
        open("tr").go("/mini-ui/");
        browser.find("#leads-table");
        browser.untilText("#partner-center-sync-status-text", "Son sync: az önce (OK)");
        assertThat(browser.find("#tab-referrals").getText()).contains("Partner Center Referral'ları");
        assertThat(new Select(browser.find("#filter-referral-type"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Tümü");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("tr");
        browser.screenshot("leads-tr");
        browser.assertAccessible("leads (tr)");

        new Select(browser.find("#lang-select")).selectByValue("en");
        browser.untilText("#partner-center-sync-status-text", "Last sync");
        assertThat(browser.find("#tab-leads").getText()).contains("Leads");
        browser.reload();
        browser.untilText("#partner-center-sync-status-text", "Last sync");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.script("return localStorage.getItem('hunter:lang')")).isEqualTo("en");
    }

    @Test
    void theSyncRunsScreenChartsTheRunsAndTheStoredReferrals() {
        for (String language : List.of("en", "tr")) {
            open(language).go("/mini-ui/?tab=runs");
            browser.find("#runs-table");
            assertThat(browser.all("#chart-runs rect.chart__bar")).isNotEmpty();
            assertThat(browser.all("#chart-referral-stats rect.chart__bar")).isNotEmpty();
            WebElement firstRun = browser.find("#runs-table tbody tr");
            assertThat(firstRun.getAttribute("data-status")).isEqualTo("succeeded");
            JsonNode stats = server.getJson("/api/v1/partner-center/referrals/stats");
            assertThat(browser.find("#chart-referral-stats figcaption").getText())
                    .contains(String.valueOf(stats.path("total").asLong()));
            browser.screenshot("runs-" + language);
            browser.assertAccessible("sync runs (" + language + ")");
            closeBrowser();
            browser = null;
        }
    }

    @Test
    void tabsAndDialogsWorkFromTheKeyboard() {
        open("en").go("/mini-ui/");
        browser.find("#leads-table");
        browser.find("#tab-leads").sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        browser.until(d -> d.getCurrentUrl().contains("tab=inbox"));
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("tab-referrals");
        browser.find("#referrals-table .js-detail").sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.find("#referral-detail");
        // Tab from the last focusable element wraps to the first: focus stays in the dialog.
        for (int i = 0; i < 40; i++) {
            browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            assertThat(browser.script("return document.activeElement.closest('dialog') !== null"))
                    .as(
                            "focus on step %d: %s",
                            i, browser.script("return document.activeElement.outerHTML.slice(0, 120)"))
                    .isEqualTo(true);
        }
        browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        browser.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog"), 0));
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
                .contains("js-detail");
    }

    @Test
    void aTabletWidthKeepsEverythingReachable() {
        open("en").go("/mini-ui/?tab=inbox");
        browser.resize(820, 1100);
        browser.find("#referrals-table");
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        browser.screenshot("inbox-tablet-en");
        browser.assertAccessible("inbox at tablet width");
    }

    @Test
    void companiesAreImportedFromACsvWithTheReportShownAndTheFilteredListExports() throws Exception {
        Path csv = workDir.resolve("companies.csv");
        java.nio.file.Files.writeString(
                csv, "domain,name,country\nyeni-musteri.com.tr,Yeni Müşteri A.Ş.,TR\nnot a domain,Broken,TR\n");
        open("en").go("/mini-ui/");
        browser.find("#leads-table");
        browser.find("#btn-leads-import").click();
        browser.find("#import-dialog");
        browser.assertAccessible("import dialog");
        browser.driver().findElement(By.id("import-file")).sendKeys(csv.toString());
        browser.find("#import-dialog button[type='submit']").click();
        WebElement report = browser.find("#import-report");
        assertThat(browser.find("#import-created").getText()).isEqualTo("1");
        assertThat(report.getText()).contains("Rejected", "3");
        browser.untilText("#toasts .toast--success", "1 companies added");
        browser.find("#import-report-dialog .dialog__close").click();
        browser.find("#filter-leads-search").sendKeys("yeni-musteri.com.tr", org.openqa.selenium.Keys.ENTER);
        browser.until(d -> shownDomains().equals(List.of("yeni-musteri.com.tr")));

        browser.find("#btn-leads-export").click();
        Path exported = browser.downloads().resolve("leads.csv");
        browser.until(d -> java.nio.file.Files.exists(exported));
        browser.until(d -> {
            try {
                return java.nio.file.Files.readString(exported).contains("yeni-musteri.com.tr");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(java.nio.file.Files.readAllLines(exported)).hasSize(2);
    }

    private List<String> shownDomains() {
        List<String> domains = new ArrayList<>();
        for (WebElement row : browser.all("#leads-table tbody tr")) {
            domains.add(row.getAttribute("data-domain"));
        }
        return domains;
    }

    static List<String> domains(JsonNode page) {
        List<String> domains = new ArrayList<>();
        page.path("leads").forEach(lead -> domains.add(lead.path("domain").asText()));
        return domains;
    }

    private static JsonNode firstLead(String query, java.util.function.Predicate<JsonNode> condition) {
        for (JsonNode lead :
                server.getJson("/api/v1/leads?page_size=50" + query).path("leads")) {
            if (condition.test(lead)) {
                return lead;
            }
        }
        throw new AssertionError("no lead on the first page matches");
    }
}
