package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.WebhookSettings;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.core.webhook.ReceiveWebhook;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.SimulatedWebhooks;
import io.hunterreferrals.simulator.WebhookDelivery;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 in the real server, as {@code hunter server --demo} runs it: the server registers its loopback endpoint with
 * the simulated Partner Center, which signs and sends an event for every change; a new referral is stored within
 * seconds though the schedule is an hour away, a forged or tampered call changes nothing, a repeated event is applied
 * once, and an event lost in an outage is caught by the next incremental sync.
 */
@ExtendWith(PostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerWebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REFERRAL = "/api/v1/partner-center/referrals/";

    @TempDir
    static Path workDir;

    private static DemoMode demo;
    private static TestServer server;

    @BeforeAll
    static void start(TestPostgres pg) {
        PostgresExtension.truncateAll(pg.dataSource());
        demo = TestServer.simulator(workDir, 5);
        HunterSettings settings = TestServer.settings(
                        demo, pg.settings(), TestServer.ONE_HOUR, true, "127.0.0.1", List.of())
                .withWebhooks(new WebhookSettings(true, Optional.empty()));
        server = TestServer.startDemo(demo, settings, ServerRole.ALL);
        // the schedule's first run at start-up; after it, only webhooks (and triggers) bring news for an hour
        server.awaitIdle(WAIT);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    private static SimulatedWebhooks webhooks() {
        return demo.simulator().webhooks();
    }

    private static String arrive() {
        return demo.simulator().referrals().addNew(r -> {
            r.put("type", "Shared");
            r.put("direction", "Incoming");
            r.put("status", "New");
            r.put("substatus", "Received");
        });
    }

    private static boolean stored(String id) {
        return server.get(REFERRAL + id).statusCode() == 200;
    }

    private static List<JsonNode> runs(String trigger) {
        JsonNode page = server.getJson("/api/v1/partner-center/sync/runs?page_size=100");
        JsonNode items = page.path("runs");
        List<JsonNode> runs = new ArrayList<>();
        StreamSupport.stream(items.spliterator(), false)
                .filter(run -> run.path("trigger").asText().equals(trigger))
                .forEach(runs::add);
        return runs;
    }

    @Test
    @Order(1)
    void theDemoServerRegistersItsLoopbackEndpoint() {
        assertThat(webhooks().registration()).hasValueSatisfying(registration -> {
            assertThat(registration.webhookUrl().toString())
                    .isEqualTo("http://127.0.0.1:" + server.port() + ReceiveWebhook.PATH);
            assertThat(registration.webhookEvents()).contains("referral-created", "referral-updated");
        });
    }

    @Test
    @Order(2)
    void aNewReferralIsStoredWithinSecondsWithoutTheSchedule() {
        String id = arrive();

        TestServer.await(WAIT, () -> stored(id));

        assertThat(webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
        WebhookDelivery delivery = webhooks().deliveries().getLast();
        assertThat(delivery.referralId()).isEqualTo(id);
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(runs("webhook"))
                .isNotEmpty()
                .allSatisfy(run -> assertThat(run.path("mode").asText()).isEqualTo("referrals"));
        JsonNode health = server.getJson("/healthz").path("webhooks");
        assertThat(health.path("last_event").asText()).isEqualTo("referral-created");
        assertThat(health.path("last_received_at").isNull()).isFalse();
    }

    @Test
    @Order(3)
    void aCallWithoutOrWithABrokenSignatureIsRefusedAndChangesNothing() {
        String id = arrive();
        assertThat(webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
        TestServer.await(WAIT, () -> stored(id));
        WebhookDelivery genuine = webhooks().deliveries().getLast();
        String forgedId = "forged-" + id;
        String forgedBody = genuine.body().replace(id, forgedId);
        int webhookRuns = runs("webhook").size();

        HttpResponse<String> unsigned =
                server.post(ReceiveWebhook.PATH, forgedBody, "X-MS-Signature-Algorithm", "rsa-sha256");
        HttpResponse<String> tampered = server.post(ReceiveWebhook.PATH, forgedBody, headers(genuine));

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        JsonNode error = TestServer.json(tampered).path("error");
        assertThat(error.path("code").asText()).isEqualTo("webhook_rejected");
        assertThat(error.path("reason").asText()).isNotBlank();
        sleep(Duration.ofSeconds(2));
        assertThat(stored(forgedId)).isFalse();
        assertThat(runs("webhook")).hasSize(webhookRuns);
        assertThat(server.get("/metrics").body()).contains("hunter_webhook_calls_total{outcome=\"rejected\"");
    }

    @Test
    @Order(4)
    void aRepeatedEventIsTakenOnce() {
        String id = arrive();
        TestServer.await(WAIT, () -> stored(id));
        assertThat(webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
        TestServer.await(
                WAIT,
                () -> server.getJson("/healthz")
                                .path("webhooks")
                                .path("pending")
                                .asLong()
                        == 0);
        int webhookRuns = runs("webhook").size();

        webhooks().resendLast();
        assertThat(webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
        WebhookDelivery again = webhooks().deliveries().getLast();
        HttpResponse<String> direct = server.post(ReceiveWebhook.PATH, again.body(), headers(again));

        assertThat(again.attempts().getLast().response()).contains("duplicate");
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(direct).path("status").asText()).isEqualTo("duplicate");
        sleep(Duration.ofSeconds(2));
        assertThat(runs("webhook")).hasSize(webhookRuns);
    }

    @Test
    @Order(5)
    void anEventLostInAnOutageIsCaughtByTheNextIncrementalSync() {
        webhooks().pause();
        String id;
        try {
            id = arrive();
            assertThat(webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(webhooks().deliveries().getLast().status()).isEqualTo(WebhookDelivery.Status.LOST);
        } finally {
            webhooks().resume();
        }
        sleep(Duration.ofSeconds(2));
        assertThat(stored(id)).isFalse();

        String taskId = server.triggerSync().path("task_id").asText();
        JsonNode run = server.awaitRunFinished(taskId, WAIT);

        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(stored(id)).isTrue();
    }

    /** The signature, certificate URL and algorithm headers a delivery was sent with. */
    private static String[] headers(WebhookDelivery delivery) {
        List<String> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : delivery.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type")) {
                headers.add(header.getKey());
                headers.add(header.getValue());
            }
        }
        return headers.toArray(String[]::new);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
