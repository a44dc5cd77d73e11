package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hunterreferrals.core.webhook.HintEvent;
import io.hunterreferrals.core.webhook.RegisterWebhook;
import io.hunterreferrals.core.webhook.WebhookCall;
import io.hunterreferrals.core.webhook.WebhookReader;
import io.hunterreferrals.core.webhook.WebhookReading;
import io.hunterreferrals.core.webhook.WebhookRegistration;
import io.hunterreferrals.core.webhook.WebhookRegistryErrorCode;
import io.hunterreferrals.core.webhook.WebhookRegistryException;
import io.hunterreferrals.core.webhook.WebhookRejection;
import io.hunterreferrals.core.webhook.WebhookTestResult;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import io.hunterreferrals.simulator.RecordedRequest;
import io.hunterreferrals.simulator.SimulatedWebhooks;
import io.hunterreferrals.simulator.WebhookDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registration client with MSAL's token for the second scope against the simulator's webhook API, and the events
 * the simulator then signs and sends, read by {@link PartnerCenterWebhookReader} with the simulator's trust.
 */
class WebhookRegistrySimulatorTest {

    private static final List<String> EVENTS =
            HintEvent.REGISTERED.stream().map(HintEvent::wireName).toList();

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;
    private PartnerCenterAuth auth;
    private Receiver receiver;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder()
                .referrals(5)
                .pollIntervalSeconds(0)
                .webhookRetryBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
                .build()
                .start();
        auth = Simulated.auth(sim, dir.resolve(".token_cache"));
        Simulated.signIn(auth, sim);
        receiver = new Receiver(
                new PartnerCenterWebhookReader(WebhookTrust.simulator(sim.baseUri(), sim.webhookRootCertificate())));
    }

    @AfterEach
    void stop() {
        receiver.close();
        sim.close();
        NoSecretsInLogs.assertClean();
    }

    private PartnerCenterWebhookRegistry registry(AccessTokenSource tokens) {
        return PartnerCenterWebhookRegistry.builder(
                        WebhookApiConfig.DEFAULTS
                                .withBaseUrl(sim.baseUri())
                                .withRetry(WebhookApiConfig.DEFAULT_RETRY.withBackoff(
                                        Duration.ofMillis(5), Duration.ofMillis(20))),
                        tokens)
                .sleeper(new Simulated.RecordingSleeper())
                .build();
    }

    private PartnerCenterWebhookRegistry registry() {
        return registry(auth.webhookTokenSource());
    }

    private static WebhookRegistryException failure(Runnable call) {
        return catchThrowableOfType(WebhookRegistryException.class, call::run);
    }

    @Test
    void noRegistrationThenCreatedThenReplaced() {
        PartnerCenterWebhookRegistry registry = registry();
        assertThat(registry.current()).isEmpty();

        WebhookRegistration created = registry.create(receiver.url(), EVENTS);
        assertThat(created.url()).isEqualTo(receiver.url());
        assertThat(created.events()).containsExactlyElementsOf(EVENTS);
        assertThat(created.subscriberId()).isPresent();
        assertThat(registry.current())
                .hasValueSatisfying(r -> assertThat(r.sendsTo(receiver.url())).isTrue());

        URI moved = URI.create(receiver.url() + "-moved");
        registry.replace(moved, List.of("referral-updated", "test-created"));
        assertThat(registry.current()).hasValueSatisfying(r -> {
            assertThat(r.url()).isEqualTo(moved);
            assertThat(r.events()).containsExactly("referral-updated", "test-created");
            assertThat(r.lastModified()).isPresent();
        });
        assertThat(sim.webhooks().registration())
                .hasValueSatisfying(r -> assertThat(r.webhookUrl()).isEqualTo(moved));

        List<RecordedRequest> calls = sim.journal().toPath("/webhooks/v1/registration");
        assertThat(calls).extracting(RecordedRequest::method).containsExactly("GET", "POST", "GET", "PUT", "GET");
        assertThat(calls).allSatisfy(r -> {
            assertThat(r.header("authorization"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
            assertThat(UUID.fromString(r.header("ms-requestid").orElseThrow())).isNotNull();
            assertThat(UUID.fromString(r.header("ms-correlationid").orElseThrow()))
                    .isNotNull();
        });
    }

    @Test
    void aSecondCreateIsRejectedWith409AndTheRequestId() {
        registry().create(receiver.url(), EVENTS);

        WebhookRegistryException e = failure(() -> registry().create(receiver.url(), EVENTS));

        assertThat(e.code()).isEqualTo(WebhookRegistryErrorCode.REJECTED);
        assertThat(e.httpStatus()).hasValue(409);
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage())
                .contains("registration already exists")
                .contains(e.requestId().get());
    }

    @Test
    void replacingWhenThereIsNoneIsRejected() {
        WebhookRegistryException e = failure(() -> registry().replace(receiver.url(), EVENTS));

        assertThat(e.code()).isEqualTo(WebhookRegistryErrorCode.REJECTED);
        assertThat(e.httpStatus()).hasValue(404);
        assertThat(e.requestId()).isPresent();
    }

    @Test
    void anotherToolsRegistrationIsKeptUnlessForced() {
        sim.webhooks().seedCoSellConnector();
        RegisterWebhook use = new RegisterWebhook(registry());

        assertThat(use.register(receiver.url(), false))
                .isInstanceOfSatisfying(
                        RegisterWebhook.Outcome.Conflict.class,
                        c -> assertThat(c.current().url()).isEqualTo(SimulatedWebhooks.CO_SELL_CONNECTOR_URL));
        assertThat(use.register(receiver.url(), true))
                .isInstanceOfSatisfying(RegisterWebhook.Outcome.Registered.class, r -> {
                    assertThat(r.replaced()).hasValue(SimulatedWebhooks.CO_SELL_CONNECTOR_URL);
                    assertThat(r.registration().events()).containsAll(EVENTS);
                });
        assertThat(use.register(receiver.url(), false)).isInstanceOf(RegisterWebhook.Outcome.Unchanged.class);
    }

    @Test
    void aTestEventIsSignedVerifiedAndReportedDelivered() {
        PartnerCenterWebhookRegistry registry = registry();
        registry.create(receiver.url(), EVENTS);

        String correlationId = registry.sendTest();
        assertThat(sim.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(receiver.readings()).singleElement().isInstanceOfSatisfying(WebhookReading.Hint.class, h -> {
            assertThat(h.hint().event()).isEqualTo(HintEvent.TEST_CREATED);
            assertThat(h.hint().referralId().value()).isEqualTo(correlationId);
        });
        WebhookTestResult result = registry.testResult(correlationId);
        assertThat(result.correlationId()).isEqualTo(correlationId);
        assertThat(result.status()).isEqualTo("completed");
        assertThat(result.delivered()).isTrue();
        assertThat(result.attempts()).first().satisfies(a -> assertThat(a.at()).isPresent());
    }

    @Test
    void aReferralChangeArrivesAsAVerifiedHintInEitherSignatureHeader() {
        registry().create(receiver.url(), EVENTS);
        String id = sim.referrals().ids().get(2);
        sim.referrals().update(id, r -> r.put("name", "changed"));
        assertThat(sim.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        sim.webhooks().seedRegistration(receiver.url(), EVENTS, true); // x-ms-signature from now on
        sim.referrals().update(id, r -> r.put("name", "changed again"));
        assertThat(sim.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();

        Instant updated = Instant.parse(
                sim.referrals().get(id).orElseThrow().path("updatedDateTime").asText());
        assertThat(receiver.readings())
                .hasSize(2)
                .allSatisfy(reading -> assertThat(reading).isInstanceOfSatisfying(WebhookReading.Hint.class, h -> {
                    assertThat(h.hint().event()).isEqualTo(HintEvent.REFERRAL_UPDATED);
                    assertThat(h.hint().referralId().value()).isEqualTo(id);
                }));
        assertThat(((WebhookReading.Hint) receiver.readings().get(1)).hint().changedAt())
                .isEqualTo(updated);
        assertThat(sim.webhooks().deliveries())
                .extracting(d -> d.headers().containsKey("x-ms-signature"))
                .containsExactly(false, true);
    }

    @Test
    void aSimulatorEventWhoseBodyWasChangedDoesNotVerify() {
        registry().create(receiver.url(), EVENTS);
        sim.referrals().update(sim.referrals().ids().get(1), r -> r.put("name", "changed"));
        assertThat(sim.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        WebhookDelivery sent = sim.webhooks().deliveries().getFirst();
        String forged = sent.body()
                .replace(sim.referrals().ids().get(1), sim.referrals().ids().get(3));

        WebhookReading reading =
                receiver.reader.read(new WebhookCall(forged.getBytes(StandardCharsets.UTF_8), sent.headers()));

        assertThat(reading)
                .isInstanceOfSatisfying(
                        WebhookReading.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(WebhookRejection.BAD_SIGNATURE));
    }

    @Test
    void theTestEventIsThrottledWithItsRetryAfter() {
        PartnerCenterWebhookRegistry registry = registry();
        registry.create(receiver.url(), EVENTS);
        sim.webhooks().validationEventsPerMinute(1);
        registry.sendTest();

        WebhookRegistryException e = failure(registry::sendTest);

        assertThat(e.code()).isEqualTo(WebhookRegistryErrorCode.THROTTLED);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage()).contains("Retry-After");
    }

    @Test
    void aTestEventNeedsTheTestEventRegistered() {
        registry().create(receiver.url(), List.of("referral-created"));

        WebhookRegistryException e = failure(() -> registry().sendTest());

        assertThat(e.code()).isEqualTo(WebhookRegistryErrorCode.REJECTED);
        assertThat(e.httpStatus()).hasValue(400);
        assertThat(e.getMessage()).contains("test-created");
    }

    @Test
    void anUnknownCorrelationIdIsNotFound() {
        WebhookRegistryException e =
                failure(() -> registry().testResult(UUID.randomUUID().toString()));

        assertThat(e.code()).isEqualTo(WebhookRegistryErrorCode.NOT_FOUND);
        assertThat(e.requestId()).isPresent();
    }

    @Test
    void aReferralsApiTokenIsRefusedAsSignInRequired() {
        WebhookRegistryException e = failure(() -> registry(auth.tokenSource()).current());

        assertThat(e.code()).isEqualTo(WebhookRegistryErrorCode.SIGN_IN_REQUIRED);
        assertThat(e.httpStatus()).hasValue(401);
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage()).contains("Partner Center API permission").contains("hunter auth login");
        // the first token, then one forced refresh: never a loop
        List<RecordedRequest> calls = sim.journal().toPath("/webhooks/v1/registration");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).header("ms-requestid")).isEqualTo(calls.get(1).header("ms-requestid"));
    }

    /** A webhook endpoint on loopback: reads each call with the reader, answers 200 for a hint and 401 otherwise. */
    private static final class Receiver implements AutoCloseable {
        final WebhookReader reader;
        private final HttpServer server;
        private final List<WebhookReading> readings = Collections.synchronizedList(new ArrayList<>());

        Receiver(WebhookReader reader) {
            this.reader = reader;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hook", this::handle);
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        }

        List<WebhookReading> readings() {
            return List.copyOf(readings);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.getFirst()));
                WebhookReading reading = reader.read(new WebhookCall(body, headers));
                readings.add(reading);
                exchange.sendResponseHeaders(reading instanceof WebhookReading.Hint ? 200 : 401, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
