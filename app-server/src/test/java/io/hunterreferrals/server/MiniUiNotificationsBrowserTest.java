package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A referral's notifications in its detail, in a real Chromium, against the server and its PostgreSQL outbox: a
 * delivered and a dead delivery in English and Turkish, and "Retry" (by mouse, and by keyboard) making the dead one
 * pending again. The events are written into the outbox's tables as a store would; no channel is configured, so the
 * server's worker leaves them as they are.
 */
@ExtendWith(PostgresExtension.class)
class MiniUiNotificationsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path workDir;

    private static DemoMode demo;
    private static TestServer server;
    private static DataSource database;
    private Browser browser;

    @BeforeAll
    static void start(TestPostgres pg) {
        PostgresExtension.truncateAll(pg.dataSource());
        database = pg.dataSource();
        demo = TestServer.simulator(workDir, 10);
        server = TestServer.start(demo, pg.settings(), ServerRole.ALL);
        // The start-up sync may not have begun yet when the server first answers: wait for it to have finished.
        TestServer.await(
                WAIT, () -> server.awaitIdle(WAIT).path("status").asText().equals("succeeded"));
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
    void theDetailShowsADeliveredAndADeadNotificationAndRetrySendsTheDeadOneAgain() {
        Written written = writeEvents(referral(0));
        browser = Browser.open(server.port(), "en");
        browser.go("/mini-ui/?tab=inbox&referral=" + written.referral());

        browser.untilText("#referral-notifications", "Notifications");
        WebElement created = event(written.created());
        assertThat(created.getText()).contains("New referral");
        WebElement email = created.findElement(By.cssSelector(".delivery[data-channel='email']"));
        assertThat(email.getAttribute("data-state")).isEqualTo("delivered");
        assertThat(email.getText()).contains("E-mail", "Delivered");
        assertThat(created.findElements(By.cssSelector(".btn-retry-event"))).isEmpty();
        WebElement changed = event(written.changed());
        assertThat(changed.getText()).contains("Status changed", "Status: New → Active");
        WebElement teams = changed.findElement(By.cssSelector(".delivery[data-channel='teams']"));
        assertThat(teams.getAttribute("data-state")).isEqualTo("dead");
        assertThat(teams.getText())
                .contains("Microsoft Teams", "Failed", "unauthorized: Teams answered 401", "request id ms-req-77");
        browser.script("document.getElementById('referral-notifications').scrollIntoView()");
        browser.screenshot("detail-notifications-en");
        browser.assertAccessible("referral detail with notifications (en)");

        browser.click("li[data-event-id='" + written.changed() + "'] .btn-retry-event");

        browser.untilText("#toasts .toast--success", "Back in the queue: 1");
        untilState(written.changed(), "teams", "pending");
        assertThat(event(written.changed()).getText()).contains("Pending", "next attempt", "last error: unauthorized");
        assertThat(event(written.changed()).findElements(By.cssSelector(".btn-retry-event")))
                .isEmpty();
        assertThat(deliveryState(written.changed(), 0)).isEqualTo("pending");
        assertThat(deliveryState(written.created(), 0)).as("delivered stays").isEqualTo("delivered");
    }

    @Test
    void inTurkishTheSameAndTheKeyboardReachesRetry() {
        Written written = writeEvents(referral(1));
        browser = Browser.open(server.port(), "tr");
        browser.go("/mini-ui/?tab=inbox&referral=" + written.referral());

        browser.untilText("#referral-notifications", "Bildirimler");
        assertThat(event(written.created()).getText()).contains("Yeni referral", "E-posta", "Teslim edildi");
        assertThat(event(written.changed()).getText())
                .contains("Durum değişti", "Durum: New → Active", "Başarısız", "istek numarası ms-req-77");
        WebElement retry = event(written.changed()).findElement(By.cssSelector(".btn-retry-event"));
        assertThat(retry.getText()).contains("Tekrar dene");
        assertThat(retry.getTagName()).isEqualTo("button");
        browser.script("document.getElementById('referral-notifications').scrollIntoView()");
        browser.screenshot("detail-notifications-tr");
        browser.assertAccessible("referral detail with notifications (tr)");

        browser.script("arguments[0].focus()", retry);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

        browser.untilText("#toasts .toast--success", "Yeniden kuyrukta: 1");
        untilState(written.changed(), "teams", "pending");
        assertThat(event(written.changed()).getText()).contains("Bekliyor", "sonraki deneme");
        browser.until(d -> d.switchTo().activeElement().getText().equals("Bildirimler"));
        assertThat(deliveryState(written.changed(), 0)).isEqualTo("pending");
    }

    /** The ids of two events about {@code referral}: created (e-mail delivered) and a status change (Teams dead). */
    private record Written(String referral, UUID created, UUID changed) {}

    private static JsonNode referral(int index) {
        return server.getJson("/api/v1/partner-center/referrals?page_size=5")
                .get("referrals")
                .get(index);
    }

    private static Written writeEvents(JsonNode referral) {
        String id = referral.get("referral_id").asText();
        String company = referral.path("company_name").asText(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID created = UUID.randomUUID();
        UUID changed = UUID.randomUUID();
        try (Connection c = database.getConnection()) {
            long first =
                    insertEvent(c, created, "referral.created", now.minus(Duration.ofHours(2)), id, company, false);
            insertDelivery(c, created, first, id, "email", "delivered", now.minus(Duration.ofHours(2)), null);
            long second = insertEvent(
                    c, changed, "referral.status_changed", now.minus(Duration.ofHours(1)), id, company, true);
            insertDelivery(
                    c, changed, second, id, "teams", "dead", null, "Teams answered 401: the workflow URL is wrong");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Written(id, created, changed);
    }

    private static long insertEvent(
            Connection c, UUID id, String type, Instant at, String referral, String company, boolean statusChange)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO notification_events (event_id, event_type, "
                + "occurred_at, referral_id, referral_type, status, substatus, domain, company_name, deal_value, "
                + "currency, change_fields, change_before, change_after, routed_at) "
                + "VALUES (?, ?, ?, ?, 'co-sell', ?, 'Received', 'contoso.com.tr', ?, 12500.00, 'EUR', ?, ?, ?, ?) "
                + "RETURNING sequence")) {
            st.setObject(1, id);
            st.setString(2, type);
            st.setObject(3, utc(at));
            st.setString(4, referral);
            st.setString(5, statusChange ? "Active" : "New");
            st.setString(6, company);
            String[] fields = statusChange ? new String[] {"status"} : new String[0];
            st.setArray(7, c.createArrayOf("text", fields));
            st.setArray(8, c.createArrayOf("text", statusChange ? new String[] {"New"} : new String[0]));
            st.setArray(9, c.createArrayOf("text", statusChange ? new String[] {"Active"} : new String[0]));
            st.setObject(10, utc(at.plusSeconds(1)));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertDelivery(
            Connection c,
            UUID event,
            long sequence,
            String referral,
            String channel,
            String state,
            Instant deliveredAt,
            String error)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO notification_deliveries (event_id, "
                + "event_sequence, referral_id, channel, state, attempts, next_attempt_at, last_attempt_at, "
                + "delivered_at, detail, last_error_code, last_error_message, last_request_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, now(), now(), ?, ?, ?, ?, ?)")) {
            st.setObject(1, event);
            st.setLong(2, sequence);
            st.setString(3, referral);
            st.setString(4, channel);
            st.setString(5, state);
            st.setInt(6, error == null ? 1 : 6);
            st.setObject(7, deliveredAt == null ? null : utc(deliveredAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            st.setString(8, error == null ? "250 2.0.0 OK" : null);
            st.setString(9, error == null ? null : "unauthorized");
            st.setString(10, error);
            st.setString(11, error == null ? null : "ms-req-77");
            st.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private WebElement event(UUID id) {
        return browser.find("#referral-notifications li[data-event-id='" + id + "']");
    }

    private void untilState(UUID event, String channel, String state) {
        String css = "#referral-notifications li[data-event-id='" + event + "'] .delivery[data-channel='" + channel
                + "'][data-state='" + state + "']";
        browser.until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    /** What the API says of the event's {@code index}th delivery. */
    private static String deliveryState(UUID event, int index) {
        return server.getJson("/api/v1/events/" + event)
                .get("deliveries")
                .get(index)
                .get("state")
                .asText();
    }
}
