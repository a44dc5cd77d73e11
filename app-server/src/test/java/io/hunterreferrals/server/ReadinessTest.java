package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.postgres.DatabaseSettings;
import io.hunterreferrals.postgres.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /healthz/ready} follows the database: 503 while it is down, 200 again once it is back. */
class ReadinessTest {

    @TempDir
    Path workDir;

    @Test
    void readinessTurns503WhenTheDatabaseStopsAndRecoversWhenItReturns() throws IOException {
        int port = freePort();
        Path dataDir = workDir.resolve("pg");
        EmbeddedPostgres postgres = startPostgres(dataDir, port);
        DatabaseSettings database = DatabaseSettings.external(
                        DatabaseUrl.parse("jdbc:postgresql://localhost:" + port + "/postgres"), "postgres", null)
                .withMigrateOnStart(true);
        try (DemoMode demo = TestServer.simulator(workDir, 10);
                TestServer server = TestServer.start(demo, database, ServerRole.API)) {
            assertThat(server.get("/healthz/ready").statusCode()).isEqualTo(200);

            postgres.close();
            TestServer.await(
                    Duration.ofSeconds(20), () -> server.get("/healthz/ready").statusCode() == 503);
            assertThat(server.getJson("/healthz").path("status").asText()).isNotEqualTo("ok");
            assertThat(server.get("/healthz/live").statusCode()).isEqualTo(200);

            postgres = startPostgres(dataDir, port);
            TestServer.await(
                    Duration.ofSeconds(30), () -> server.get("/healthz/ready").statusCode() == 200);
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
