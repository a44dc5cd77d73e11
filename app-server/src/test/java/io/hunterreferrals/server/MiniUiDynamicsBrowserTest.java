package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.DataverseFault;
import io.hunterreferrals.simulator.DataverseFaultTarget;
import io.hunterreferrals.simulator.DataverseLead;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * "Send to Dynamics" in a referral's detail, in a real Chromium, against a server whose push goes to the simulated
 * Dynamics 365: the state line, the button, the toasts, in English and Turkish, by mouse and by keyboard.
 */
@ExtendWith(PostgresExtension.class)
class MiniUiDynamicsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path workDir;

    private static DemoMode demo;
    private static TestServer server;
    private Browser browser;

    @BeforeAll
    static void start(TestPostgres pg) {
        PostgresExtension.truncateAll(pg.dataSource());
        demo = TestServer.simulator(workDir, 30);
        HunterSettings settings = TestServer.dynamicsOn(
                demo, TestServer.settings(demo, pg.settings(), TestServer.ONE_HOUR, true, "127.0.0.1", List.of()));
        server = TestServer.startDemo(demo, settings, ServerRole.ALL);
        server.awaitIdle(WAIT);
        // the push that follows the start-up sync
        TestServer.await(WAIT, () -> {
            var last = server.getJson("/healthz").path("last_push");
            return last.path("status").asText().equals("success");
        });
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
    void theDetailShowsTheLeadAndSendsItAgainOnAClick() {
        DataverseLead lead = demo.dataverse().leads().all().getFirst();
        int updates = lead.apiUpdates();
        browser = Browser.open(server.port(), "en");
        browser.go("/mini-ui/?tab=inbox&referral=" + lead.referralId());

        browser.untilText("#dynamics-state", "In Dynamics 365 since");
        assertThat(browser.find("#dynamics-state").getText()).contains("(lead " + lead.leadId() + ")");
        browser.screenshot("detail-dynamics-en");
        browser.assertAccessible("referral detail with the push on (en)");

        browser.find("#btn-send-dynamics").click();

        browser.untilText("#toasts .toast--success", "Lead updated in Dynamics 365");
        assertThat(current(lead).apiUpdates()).isEqualTo(updates + 1);
        assertThat(browser.find("#btn-send-dynamics").isEnabled()).isTrue();
    }

    @Test
    void aLeadDynamicsRefusesShowsWhyInTurkishAndTheKeyboardReachesTheButton() {
        DataverseLead lead = demo.dataverse().leads().all().getLast();
        demo.dataverse().faults().inject(DataverseFault.duplicateDetected().on(DataverseFaultTarget.BATCH_ITEM));
        browser = Browser.open(server.port(), "tr");
        browser.go("/mini-ui/?tab=inbox&referral=" + lead.referralId());
        browser.untilText("#btn-send-dynamics", "Dynamics'e gönder");

        browser.script("document.getElementById('btn-send-dynamics').focus()");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

        browser.untilText("#toasts .toast--error", "Dynamics 365 lead'i reddetti");
        browser.untilText("#dynamics-state", "Son gönderim başarısız (1×)");
        assertThat(browser.find("#dynamics-state").getAttribute("data-status")).isEqualTo("failed");
        browser.screenshot("detail-dynamics-refused-tr");
    }

    private static DataverseLead current(DataverseLead lead) {
        return demo.dataverse().leads().byReferralId(lead.referralId()).orElseThrow();
    }
}
