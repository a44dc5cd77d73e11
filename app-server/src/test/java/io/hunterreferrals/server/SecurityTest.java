package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** API keys on the running server, and the rule that only loopback may go without one. */
@ExtendWith(PostgresExtension.class)
class SecurityTest {

    private static final String KEY = "test-key-0123456789abcdef";

    @TempDir
    static Path workDir;

    private static DemoMode demo;

    @BeforeAll
    static void simulator() {
        demo = TestServer.simulator(workDir, 5);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void apiNeedsTheKeyWhileHealthAndMetricsStayOpen(TestPostgres pg) {
        try (TestServer server = TestServer.start(
                demo,
                TestServer.settings(demo, pg.settings(), TestServer.ONE_HOUR, true, "127.0.0.1", List.of(KEY)),
                ServerRole.API)) {
            assertThat(server.get("/api/v1/partner-center/referrals").statusCode())
                    .isEqualTo(401);
            assertThat(server.post("/api/referrals/sync", "").statusCode()).isEqualTo(401);
            assertThat(server.get("/api/v1/partner-center/referrals", "X-API-Key", "wrong-key-0123456789")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(server.get("/api/v1/partner-center/referrals", "Authorization", "Bearer " + KEY)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(server.get("/api/v1/leads", "X-API-Key", KEY).statusCode())
                    .isEqualTo(200);
            assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(server.get("/metrics").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesANonLoopbackAddressWithoutAKey(TestPostgres pg) {
        assertThatThrownBy(() -> TestServer.start(
                        demo,
                        TestServer.settings(demo, pg.settings(), TestServer.ONE_HOUR, true, "0.0.0.0", List.of()),
                        ServerRole.ALL))
                .isInstanceOf(ServerStartupException.class)
                .hasMessageContaining("HUNTER_API_KEY")
                .hasMessageContaining("HUNTER_HTTP_HOST");
    }

    @Test
    void theRuleAcceptsLoopbackOrAKey() {
        LoopbackRule.check("127.0.0.1", false);
        LoopbackRule.check("localhost", false);
        LoopbackRule.check("::1", false);
        LoopbackRule.check("0.0.0.0", true);
        assertThatThrownBy(() -> LoopbackRule.check("0.0.0.0", false)).isInstanceOf(ServerStartupException.class);
        assertThatThrownBy(() -> LoopbackRule.check("::", false)).isInstanceOf(ServerStartupException.class);
    }

    @Test
    void refusesAKeyTooShortToBeSafe(TestPostgres pg) {
        assertThatThrownBy(() -> TestServer.start(
                        demo,
                        TestServer.settings(
                                demo, pg.settings(), TestServer.ONE_HOUR, true, "127.0.0.1", List.of("short")),
                        ServerRole.ALL))
                .isInstanceOf(ServerStartupException.class)
                .hasMessageContaining("HUNTER_API_KEY");
    }

    @Test
    void startsOnANonLoopbackAddressWithAKey(TestPostgres pg) throws SocketException {
        Optional<String> address = nonLoopbackAddress();
        // Without a non-loopback interface the decision function above covers the rule.
        if (address.isEmpty()) {
            LoopbackRule.check("0.0.0.0", true);
            return;
        }
        try (TestServer server = TestServer.start(
                demo,
                TestServer.settings(demo, pg.settings(), TestServer.ONE_HOUR, true, address.get(), List.of(KEY)),
                ServerRole.API)) {
            assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(server.get("/api/v1/leads").statusCode()).isEqualTo(401);
            assertThat(server.get("/api/v1/leads", "X-API-Key", KEY).statusCode())
                    .isEqualTo(200);
        }
    }

    private static Optional<String> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }
}
