package io.hunterreferrals.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hunterreferrals.app.config.DynamicsSettings;
import io.hunterreferrals.app.config.HttpSettings;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.LogFormat;
import io.hunterreferrals.app.config.NotifySettings;
import io.hunterreferrals.app.config.PartnerCenterSettings;
import io.hunterreferrals.app.wiring.DemoMode;
import io.hunterreferrals.app.wiring.PartnerCenterWiring;
import io.hunterreferrals.postgres.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** A real server on a loopback port 0, against the in-process simulator (signed in) and a given PostgreSQL. */
final class TestServer implements AutoCloseable {

    /** Short db-scheduler and heartbeat timings so scheduling shows within a second or two. */
    static final SchedulerTuning FAST = new SchedulerTuning(
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Duration.ofMillis(300),
            LocalTime.of(3, 30),
            Duration.ofSeconds(20));

    static final Duration ONE_HOUR = Duration.ofHours(1);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HunterServer server;
    private final String host;

    private TestServer(HunterServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /** Starts a simulator with {@code referrals} sample referrals in {@code workDir} and signs in to it. */
    static DemoMode simulator(Path workDir, int referrals) {
        DemoMode demo = DemoMode.start(workDir, referrals);
        HunterSettings settings = demo.settings(LogFormat.CONSOLE, new HttpSettings("127.0.0.1", 0, List.of()));
        demo.signIn(PartnerCenterWiring.auth(settings.partnerCenter(), demo.msalTransport()));
        return demo;
    }

    static HunterSettings settings(
            DemoMode demo,
            DatabaseSettings database,
            Duration syncInterval,
            boolean enabled,
            String host,
            List<String> apiKeys) {
        HunterSettings base = demo.settings(LogFormat.CONSOLE, new HttpSettings(host, 0, apiKeys));
        PartnerCenterSettings pc = base.partnerCenter();
        PartnerCenterSettings partnerCenter = new PartnerCenterSettings(
                enabled,
                pc.clientId(),
                pc.tenantId(),
                pc.authority(),
                pc.apiUrl(),
                pc.apiVersion(),
                pc.scope(),
                pc.tokenCachePath(),
                pc.pageSize(),
                pc.maxPages(),
                pc.requestTimeout(),
                Optional.empty());
        return new HunterSettings(
                base.environment(),
                base.logFormat(),
                partnerCenter,
                syncInterval,
                base.filter(),
                database,
                base.http(),
                // off unless a test turns it on (dynamicsOn): a push needs its simulator set up first
                DynamicsSettings.OFF,
                NotifySettings.OFF);
    }

    /** {@code settings} with the push to the demo's simulated Dynamics 365 on. */
    static HunterSettings dynamicsOn(DemoMode demo, HunterSettings settings) {
        HunterSettings base = demo.settings(settings.logFormat(), settings.http());
        return new HunterSettings(
                settings.environment(),
                settings.logFormat(),
                settings.partnerCenter(),
                settings.syncInterval(),
                settings.filter(),
                settings.database(),
                settings.http(),
                base.dynamics(),
                settings.notifications());
    }

    /** As {@code hunter server --demo} starts: the simulated Dynamics is set up and everything is pushed to it anew. */
    static TestServer startDemo(DemoMode demo, HunterSettings settings, ServerRole role) {
        return new TestServer(
                HunterServer.start(
                        new ServerSetup(settings, role, FAST, demo.msalTransport(), false, Optional.of(demo))),
                settings.http().host());
    }

    static TestServer start(DemoMode demo, HunterSettings settings, ServerRole role) {
        return new TestServer(
                HunterServer.start(new ServerSetup(settings, role, FAST, demo.msalTransport(), false)),
                settings.http().host());
    }

    static TestServer start(DemoMode demo, DatabaseSettings database, ServerRole role) {
        return start(demo, settings(demo, database, ONE_HOUR, true, "127.0.0.1", List.of()), role);
    }

    int port() {
        return server.port();
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    JsonNode getJson(String path) {
        return json(get(path));
    }

    /** The runbook's {@code curl -X POST .../api/referrals/sync -H "Content-Type: application/json"}. */
    JsonNode triggerSync() {
        return json(post("/api/referrals/sync", ""));
    }

    /** Waits until no run is queued or running, and returns the last finished one. */
    JsonNode awaitIdle(Duration timeout) {
        await(
                timeout,
                () -> getJson("/api/v1/partner-center/sync/status")
                        .path("active")
                        .isNull());
        return getJson("/api/v1/partner-center/sync/status").path("last_finished");
    }

    JsonNode awaitRunFinished(String taskId, Duration timeout) {
        String path = "/api/v1/partner-center/sync/runs/" + taskId;
        await(timeout, () -> {
            String status = getJson(path).path("status").asText();
            return status.equals("succeeded") || status.equals("partial") || status.equals("failed");
        });
        return getJson(path);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void await(Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
    }

    private HttpRequest.Builder request(String path, String... headers) {
        String authority = host.contains(":") ? "[" + host + "]" : host;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + authority + ":" + port() + path))
                .timeout(Duration.ofSeconds(15));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
