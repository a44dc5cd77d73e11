package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `hunter notify test` against a real HTTP receiver, and `hunter events list|retry` on a real PostgreSQL outbox. */
@ExtendWith(PostgresExtension.class)
class NotifyCommandsTest {

    private static final String SECRET = "a-webhook-secret-of-at-least-32-characters";

    @TempDir
    Path dir;

    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private HttpServer receiver;

    private String receiverUrl() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/hunter", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(Map.of(
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Hunter-Signature")),
                    "type", String.valueOf(exchange.getRequestHeaders().getFirst("X-Hunter-Event-Type"))));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/hunter";
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private Cli webhookCli(TestPostgres pg) throws IOException {
        return new Cli(dir)
                .database(pg)
                .with("HUNTER_NOTIFY_WEBHOOK_URL", receiverUrl())
                .with("HUNTER_NOTIFY_WEBHOOK_SECRET", SECRET);
    }

    @Test
    void aTestMessageReachesTheSignedWebhookAndAFailingReceiverExits18(TestPostgres pg) throws IOException {
        Cli cli = webhookCli(pg);

        Cli.Result delivered = cli.run("notify", "test", "webhook");

        assertThat(delivered.exitCode()).as(delivered.toString()).isZero();
        assertThat(delivered.out()).contains("Delivered");
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().get("signature")).isNotEqualTo("null");
        assertThat(received.getFirst().get("type")).isEqualTo("notification.test");

        answer.set(500);
        Cli.Result failed = cli.run("notify", "test", "webhook");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.NOTIFY_FAILED.code());
        assertThat(failed.err()).contains("500").doesNotContain(SECRET);
        assertThat(failed.logs()).doesNotContain(SECRET);
    }

    @Test
    void aChannelThatIsNotConfiguredOrUnknownIsRefused(TestPostgres pg) throws IOException {
        Cli cli = webhookCli(pg);

        Cli.Result slack = cli.run("notify", "test", "slack");
        assertThat(slack.exitCode()).as(slack.toString()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(slack.err()).contains("HUNTER_NOTIFY_SLACK_WEBHOOK_URL");

        Cli.Result pigeon = cli.run("notify", "test", "pigeon");
        assertThat(pigeon.exitCode()).as(pigeon.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(received).isEmpty();
    }

    @Test
    void eventsListShowsADeadDeliveryAndRetryMakesItPendingAgain(TestPostgres pg) throws SQLException {
        PostgresExtension.truncateAll(pg.dataSource());
        UUID event = UUID.randomUUID();
        insertDeadEvent(pg, event);
        Cli cli = new Cli(dir).database(pg);

        Cli.Result list = cli.run("events", "list", "--state", "dead", "--json");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(event.toString(), "\"dead\"", "ms-req-77");

        Cli.Result unknown = cli.run("events", "retry", UUID.randomUUID().toString());
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.NOT_FOUND.code());
        Cli.Result usage = cli.run("events", "retry");
        assertThat(usage.exitCode()).as(usage.toString()).isEqualTo(ExitCode.USAGE.code());

        Cli.Result retry = cli.run("events", "retry", event.toString());
        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(retry.out()).contains("1 dead delivery is due again");
        assertThat(deliveryState(pg, event)).isEqualTo("pending");
        assertThat(cli.run("events", "list", "--state", "dead").out()).contains("No event matches");
    }

    private static void insertDeadEvent(TestPostgres pg, UUID event) throws SQLException {
        try (Connection c = pg.dataSource().getConnection()) {
            long sequence;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO notification_events (event_id, event_type, "
                    + "occurred_at, referral_id, referral_type, status, routed_at) "
                    + "VALUES (?, 'referral.created', now(), 'ref-cli-1', 'co-sell', 'New', now()) "
                    + "RETURNING sequence")) {
                st.setObject(1, event);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    sequence = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO notification_deliveries (event_id, "
                    + "event_sequence, referral_id, channel, state, attempts, next_attempt_at, last_attempt_at, "
                    + "last_error_code, last_error_message, last_request_id) "
                    + "VALUES (?, ?, 'ref-cli-1', 'teams', 'dead', 6, now(), now(), 'unauthorized', "
                    + "'Teams answered 401: the workflow URL is wrong', 'ms-req-77')")) {
                st.setObject(1, event);
                st.setLong(2, sequence);
                st.executeUpdate();
            }
        }
    }

    private static String deliveryState(TestPostgres pg, UUID event) throws SQLException {
        try (Connection c = pg.dataSource().getConnection();
                PreparedStatement st =
                        c.prepareStatement("SELECT state FROM notification_deliveries WHERE event_id = ?")) {
            st.setObject(1, event);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
