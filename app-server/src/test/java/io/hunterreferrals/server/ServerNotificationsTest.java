package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.NotifyChannelKind;
import io.hunterreferrals.app.config.NotifySettings;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.core.notify.ChannelRule;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.NotificationText.Language;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 in the real server: syncs against the simulated Partner Center write events, and the worker delivers them to
 * a local receiver that verifies every signature — one message per event, none twice, every one after an outage.
 */
@ExtendWith(PostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workDir;

    private static DemoMode demo;
    private static TestServer server;
    private static HttpServer receiver;
    private static final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger badSignatures = new AtomicInteger();
    private static final AtomicBoolean down = new AtomicBoolean();
    private static final AtomicInteger refused = new AtomicInteger();

    @BeforeAll
    static void start(TestPostgres pg) throws IOException {
        PostgresExtension.truncateAll(pg.dataSource());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/hunter", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            if (down.get()) {
                refused.incrementAndGet();
                status = 503;
            } else if (WebhookSignature.verify(
                    SECRET,
                    exchange.getRequestHeaders().getFirst("X-Hunter-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Hunter-Signature"),
                    body,
                    Instant.now())) {
                JsonNode event = JSON.readTree(body);
                assertThat(exchange.getRequestHeaders().getFirst("Idempotency-Key"))
                        .isEqualTo(event.path("id").asText());
                received.add(event);
                status = 202;
            } else {
                badSignatures.incrementAndGet();
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        demo = TestServer.simulator(workDir, 20);
        HunterSettings base =
                TestServer.settings(demo, pg.settings(), TestServer.ONE_HOUR, true, "127.0.0.1", List.of());
        NotifySettings notify = new NotifySettings(
                Language.EN,
                Optional.of(URI.create("https://hunter.example.com")),
                Duration.ofDays(30),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new NotifySettings.SignedWebhook(
                        URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/hunter"), SECRET)),
                Map.of(
                        NotifyChannelKind.WEBHOOK,
                        new ChannelRule(
                                Set.of(EventType.REFERRAL_CREATED, EventType.REFERRAL_STATUS_CHANGED),
                                Set.of(),
                                Set.of())));
        HunterSettings settings = new HunterSettings(
                base.environment(),
                base.logFormat(),
                base.partnerCenter(),
                base.syncInterval(),
                base.filter(),
                base.database(),
                base.http(),
                base.dynamics(),
                notify);
        server = TestServer.start(demo, settings, ServerRole.ALL);
    }

    @AfterAll
    static void stop() {
        server.close();
        demo.close();
        receiver.stop(0);
    }

    private static String addReferral() {
        return demo.simulator().referrals().addNew(r -> {
            r.put("type", "Shared");
            r.put("direction", "Incoming");
            r.put("status", "New");
            r.put("substatus", "Received");
        });
    }

    private static List<String> receivedIds(String type) {
        synchronized (received) {
            return received.stream()
                    .filter(e -> e.path("type").asText().equals(type))
                    .map(e -> e.path("referral").path("id").asText())
                    .toList();
        }
    }

    @Test
    @Order(1)
    void theFirstSyncTellsNothingAndTheNextTellsEachNewReferralOnce() throws InterruptedException {
        server.awaitIdle(WAIT);
        Thread.sleep(3000); // a worker pass or more
        assertThat(received).isEmpty();

        List<String> added = List.of(addReferral(), addReferral(), addReferral());
        server.triggerSync();
        server.awaitIdle(WAIT);

        TestServer.await(WAIT, () -> receivedIds("referral.created").size() >= 3);
        Thread.sleep(3000); // nothing more comes: none twice
        assertThat(receivedIds("referral.created")).containsExactlyInAnyOrderElementsOf(added);
        assertThat(badSignatures).hasValue(0);
        JsonNode first = received.get(0);
        assertThat(first.path("referral").path("type").asText()).isEqualTo("co-sell");
        assertThat(first.path("links").path("detail").asText())
                .startsWith("https://hunter.example.com/mini-ui/?tab=inbox&referral=");
        assertThat(first.path("links").path("partner_center").asText()).startsWith("https://");
    }

    @Test
    @Order(2)
    void aReceiverThatIsDownGetsEveryEventOnceItIsBackInOrderPerReferral() {
        down.set(true);
        String added = addReferral();
        server.triggerSync();
        server.awaitIdle(WAIT);
        TestServer.await(WAIT, () -> refused.get() >= 1);
        demo.simulator().referrals().changeStatus(added, "Active", "Accepted");
        server.triggerSync();
        server.awaitIdle(WAIT);

        down.set(false); // the retry comes after the first back-off (10 s)
        TestServer.await(WAIT, () -> receivedIds("referral.status_changed").contains(added));

        List<String> order;
        synchronized (received) {
            order = received.stream()
                    .filter(e -> e.path("referral").path("id").asText().equals(added))
                    .map(e -> e.path("type").asText())
                    .toList();
        }
        assertThat(order).containsExactly("referral.created", "referral.status_changed");
        JsonNode events = server.getJson("/api/v1/events?referral=" + added).path("events");
        // newest first; referral.updated is written too, and no rule of this server sends it anywhere
        assertThat(events)
                .extracting(e -> e.path("type").asText())
                .containsExactly("referral.status_changed", "referral.updated", "referral.created");
        assertThat(events.get(1).path("deliveries")).isEmpty();
        JsonNode created = events.get(2).path("deliveries").get(0);
        assertThat(created.path("state").asText()).isEqualTo("delivered");
        assertThat(created.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
    }
}
