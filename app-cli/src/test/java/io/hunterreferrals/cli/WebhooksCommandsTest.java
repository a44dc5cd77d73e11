package io.hunterreferrals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import io.hunterreferrals.postgres.testing.TestPostgres;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import io.hunterreferrals.simulator.SimulatedWebhooks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hunter webhooks status|register|test|unregister} against a standalone simulator, through the product's own
 * wiring (HUNTER_PARTNER_CENTER_SIMULATOR_URL) and the sign-in's token cache: the webhook audience's token is redeemed
 * silently from the one device-code sign-in.
 */
@ExtendWith(PostgresExtension.class)
class WebhooksCommandsTest {

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;
    private HttpServer receiver;
    private final AtomicInteger calls = new AtomicInteger();
    private String ourUrl;
    private Cli cli;

    @BeforeEach
    void start(TestPostgres pg) throws IOException {
        PostgresExtension.truncateAll(pg.dataSource());
        sim = PartnerCenterSimulator.builder()
                .referrals(3)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/api/v1/partner-center/webhooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String publicUrl = "http://127.0.0.1:" + receiver.getAddress().getPort();
        ourUrl = publicUrl + "/api/v1/partner-center/webhooks";
        cli = new Cli(dir)
                .database(pg)
                .with("HUNTER_PARTNER_CENTER_ENABLED", "true")
                .with("HUNTER_PARTNER_CENTER_CLIENT_ID", UUID.randomUUID().toString())
                .with("HUNTER_PARTNER_CENTER_TENANT_ID", sim.identity().tenantId())
                .with("HUNTER_PARTNER_CENTER_SIMULATOR_URL", sim.baseUrl())
                .with("HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED", "true")
                .with("HUNTER_PUBLIC_URL", publicUrl);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        sim.close();
    }

    private SimulatedWebhooks webhooks() {
        return sim.webhooks();
    }

    private void signIn() {
        Cli.Result login = cli.run("auth", "login");
        assertThat(login.exitCode()).as(login.toString()).isZero();
    }

    @Test
    void withoutASignInEveryCallSaysToSignIn() {
        Cli.Result status = cli.run("webhooks", "status");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCode.SIGN_IN_REQUIRED.code());
        assertThat(sim.journal().webhookRequests()).isEmpty();
    }

    @Test
    void registersThisServerAndSaysSoAfterwards() {
        signIn();
        assertThat(cli.run("webhooks", "status").out()).contains("Registration: none");

        Cli.Result register = cli.run("webhooks", "register");

        assertThat(register.exitCode()).as(register.toString()).isZero();
        assertThat(register.out()).contains("Registered").contains(ourUrl);
        assertThat(webhooks().registration()).hasValueSatisfying(r -> {
            assertThat(r.webhookUrl().toString()).isEqualTo(ourUrl);
            assertThat(r.webhookEvents()).contains("referral-created", "referral-updated", "test-created");
        });
        assertThat(cli.run("webhooks", "status").out()).contains(ourUrl + " (this server)");
        assertThat(cli.run("webhooks", "register").out()).contains("Already registered");
    }

    @Test
    void refusesToOverwriteAnotherToolsRegistrationWithoutForceAndKeepsItsEventsWithIt() {
        signIn();
        var connector = webhooks().seedCoSellConnector();

        Cli.Result refused = cli.run("webhooks", "register", "--url", ourUrl);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.WEBHOOK_CONFLICT.code());
        assertThat(refused.err()).contains(connector.webhookUrl().toString()).contains("--force");
        assertThat(webhooks().registration()).contains(connector);
        assertThat(cli.run("webhooks", "status").out()).contains("ANOTHER URL");

        Cli.Result forced = cli.run("webhooks", "register", "--url", ourUrl, "--force");

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("Replaced the registration that sent to " + connector.webhookUrl());
        assertThat(webhooks().registration()).hasValueSatisfying(r -> {
            assertThat(r.webhookUrl().toString()).isEqualTo(ourUrl);
            assertThat(r.webhookEvents()).containsAll(connector.webhookEvents());
        });
    }

    @Test
    void aUrlPartnerCenterCannotCallIsAUsageError() {
        signIn();

        Cli.Result plainHttp = cli.run("webhooks", "register", "--url", "http://hunter.example.com/hooks");

        assertThat(plainHttp.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(plainHttp.err()).contains("https");
        assertThat(webhooks().registration()).isEmpty();
    }

    @Test
    void theTestEventIsDeliveredThroughPartnerCenterAndTheResultShown() {
        signIn();
        assertThat(cli.run("webhooks", "register").exitCode()).isZero();

        Cli.Result test = cli.run("webhooks", "test", "--wait", "20");

        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).contains("Delivered").contains("OK");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void aTestEventNobodyAnswersIsAFailureNamingWhatToCheck() {
        signIn();
        receiver.stop(0);
        assertThat(cli.run("webhooks", "register").exitCode()).isZero();

        Cli.Result test = cli.run("webhooks", "test", "--wait", "3");

        assertThat(test.exitCode()).as(test.toString()).isEqualTo(ExitCode.WEBHOOK_TEST_FAILED.code());
        assertThat(test.err()).contains("HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED");
    }

    @Test
    void unregisterSaysThePartnerCenterApiHasNoSuchCallAndWhatToDoInstead() {
        Cli.Result unregister = cli.run("webhooks", "unregister");

        assertThat(unregister.exitCode()).isEqualTo(ExitCode.NOT_SUPPORTED.code());
        assertThat(unregister.err()).contains("--force").contains("HUNTER_PARTNER_CENTER_WEBHOOKS_ENABLED=false");
    }
}
