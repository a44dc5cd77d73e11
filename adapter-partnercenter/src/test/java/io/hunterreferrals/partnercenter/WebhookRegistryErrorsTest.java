package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.webhook.WebhookRegistration;
import io.hunterreferrals.core.webhook.WebhookRegistryErrorCode;
import io.hunterreferrals.core.webhook.WebhookRegistryException;
import io.hunterreferrals.core.webhook.WebhookTestResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registration client against a scripted server: the wire format, the retry rules with one MS-RequestId per logical
 * call, and every failure's code, message and request id. The simulator's webhook side is exercised in
 * {@code WebhookRegistrySimulatorTest}.
 */
class WebhookRegistryErrorsTest {

    private static final URI HOOK = URI.create("https://hunter.example.com/api/v1/partner-center/webhooks");

    private final ScriptedServer server = new ScriptedServer();
    private final Simulated.RecordingSleeper sleeper = new Simulated.RecordingSleeper();
    private final List<Boolean> tokenCalls = Collections.synchronizedList(new ArrayList<>());
    private final List<RetryEvent> retries = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        server.close();
        NoSecretsInLogs.assertClean();
    }

    private PartnerCenterWebhookRegistry registry(AccessTokenSource tokens) {
        return PartnerCenterWebhookRegistry.builder(
                        WebhookApiConfig.DEFAULTS
                                .withBaseUrl(server.base())
                                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700))
                                .withRetry(WebhookApiConfig.DEFAULT_RETRY.withBackoff(
                                        Duration.ofMillis(10), Duration.ofMillis(40))),
                        tokens)
                .sleeper(sleeper)
                .listener(new PartnerCenterListener() {
                    @Override
                    public void onRetry(RetryEvent event) {
                        retries.add(event);
                    }
                })
                .build();
    }

    private PartnerCenterWebhookRegistry registry() {
        return registry(force -> {
            tokenCalls.add(force);
            return "token-" + tokenCalls.size();
        });
    }

    private static ScriptedServer.Reply json(int status, String body) {
        return ScriptedServer.Reply.json(status, body).withHeader("MS-RequestId", "rq-" + status);
    }

    private static WebhookRegistryException failure(Runnable call) {
        return catchThrowableOfType(WebhookRegistryException.class, call::run);
    }

    @Test
    void theRegistrationIsReadInEitherCaseWithTheDocumentedHeaders() {
        server.then(json(
                200,
                "{\"webhookUrl\":\"" + HOOK + "\",\"webhookEvents\":[\"referral-created\",\"x\"],"
                        + "\"subscriberId\":\"sub-1\",\"lastModifiedTimestamp\":\"2024-05-03T10:00:00.1234567Z\"}"));

        WebhookRegistration registration = registry().current().orElseThrow();

        assertThat(registration.url()).isEqualTo(HOOK);
        assertThat(registration.events()).containsExactly("referral-created", "x");
        assertThat(registration.subscriberId()).hasValue("sub-1");
        assertThat(registration.lastModified()).hasValue(Instant.parse("2024-05-03T10:00:00.1234567Z"));
        ScriptedServer.Seen seen = server.seen().getFirst();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.rawPath()).isEqualTo("/webhooks/v1/registration");
        assertThat(seen.header("authorization")).isEqualTo("Bearer token-1");
        assertThat(seen.header("accept")).isEqualTo("application/json");
        assertThat(UUID.fromString(seen.header("ms-requestid"))).isNotNull();
        assertThat(UUID.fromString(seen.header("ms-correlationid"))).isNotNull();
    }

    @Test
    void noRegistrationIsEmpty() {
        server.then(json(404, "{\"code\":2001,\"description\":\"not found\"}"))
                .then(json(200, "{}"))
                .then(json(204, ""));

        assertThat(registry().current()).isEmpty();
        assertThat(registry().current()).isEmpty();
        assertThat(registry().current()).isEmpty();
    }

    @Test
    void createAndReplaceSendThePascalCaseBody() {
        server.then(json(201, "{\"SubscriberId\":\"s\",\"WebhookUrl\":\"" + HOOK + "\",\"WebhookEvents\":[\"a\"]}"))
                .then(json(200, ""));

        WebhookRegistration created = registry().create(HOOK, List.of("a"));
        WebhookRegistration replaced = registry().replace(HOOK, List.of("a", "b"));

        assertThat(created.subscriberId()).hasValue("s");
        assertThat(replaced.events()).containsExactly("a", "b"); // an empty answer: what was sent
        List<ScriptedServer.Seen> seen = server.seen();
        assertThat(seen).extracting(ScriptedServer.Seen::method).containsExactly("POST", "PUT");
        assertThat(seen.get(0).body()).isEqualTo("{\"WebhookUrl\":\"" + HOOK + "\",\"WebhookEvents\":[\"a\"]}");
        assertThat(seen.get(0).header("content-type")).isEqualTo("application/json");
        assertThat(seen.get(0).header("ms-requestid")).isNotEqualTo(seen.get(1).header("ms-requestid"));
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedWithTheSameRequestId() {
        server.then(json(503, "{}"))
                .then(json(200, "{}").after(Duration.ofMillis(1500)))
                .then(json(201, "{\"WebhookUrl\":\"" + HOOK + "\"}"));

        registry().create(HOOK, List.of("a"));

        List<ScriptedServer.Seen> seen = server.seen();
        assertThat(seen).hasSize(3);
        assertThat(seen)
                .extracting(s -> s.header("ms-requestid"))
                .containsOnly(seen.getFirst().header("ms-requestid"));
        assertThat(seen)
                .extracting(s -> s.header("ms-correlationid"))
                .containsOnly(seen.getFirst().header("ms-correlationid"));
        assertThat(retries)
                .extracting(RetryEvent::reason)
                .containsExactly(RetryReason.SERVER_ERROR, RetryReason.TIMEOUT);
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void persistentServerErrorsAreUnavailableWithTheRequestId() {
        server.then(json(500, "{}")).then(json(502, "{}")).then(json(500, "{}"));

        WebhookRegistryException e = failure(() -> registry().current());

        assertThat(e.code()).isEqualTo(WebhookRegistryErrorCode.UNAVAILABLE);
        assertThat(e.httpStatus()).hasValue(500);
        assertThat(e.requestId()).hasValue("rq-500");
        assertThat(e.getMessage()).contains("rq-500").contains("3 attempt");
    }

    @Test
    void a401RefreshesTheTokenOnceThenMeansSignInRequired() {
        server.then(json(401, "{}")).then(json(200, "{}"));
        registry().current();
        assertThat(tokenCalls).containsExactly(false, true);
        assertThat(server.seen().get(1).header("authorization")).isEqualTo("Bearer token-2");

        server.then(json(401, "{}")).then(json(401, "{}"));
        WebhookRegistryException e = failure(() -> registry().current());
        assertThat(e.code()).isEqualTo(WebhookRegistryErrorCode.SIGN_IN_REQUIRED);
        assertThat(e.requestId()).hasValue("rq-401");
        assertThat(e.getMessage())
                .contains("Partner Center API permission")
                .contains("hunter auth login")
                .contains("rq-401");
    }

    @Test
    void noTokenForTheWebhookScopeMeansSignInRequiredWithoutACall() {
        PartnerCenterWebhookRegistry registry = registry(force -> {
            throw new ReferralSourceException(
                    SourceFailure.SIGN_IN_REQUIRED, "consent missing", null, "invalid_grant", null, null);
        });

        WebhookRegistryException e = failure(registry::current);

        assertThat(e.code()).isEqualTo(WebhookRegistryErrorCode.SIGN_IN_REQUIRED);
        assertThat(e.getMessage()).contains("invalid_grant").contains("hunter auth login");
        assertThat(server.seen()).isEmpty();
    }

    @Test
    void refusalsAreTypedAndNotRetried() {
        server.then(json(403, "{\"error\":{\"code\":\"accessDenied\",\"message\":\"no role\"}}"))
                .then(json(429, "{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}")
                        .withHeader("Retry-After", "31"))
                .then(json(409, "{\"code\":2100,\"description\":\"Registration already exists, use PUT\"}"))
                .then(json(400, "{\"code\":\"invalidUrl\",\"description\":\"WebhookUrl is invalid\"}"));

        WebhookRegistryException forbidden = failure(() -> registry().current());
        WebhookRegistryException throttled = failure(() -> registry().sendTest());
        WebhookRegistryException conflict = failure(() -> registry().create(HOOK, List.of("a")));
        WebhookRegistryException bad = failure(() -> registry().replace(HOOK, List.of("a")));

        assertThat(forbidden.code()).isEqualTo(WebhookRegistryErrorCode.FORBIDDEN);
        assertThat(forbidden.getMessage())
                .contains("accessDenied")
                .contains("Admin agent")
                .contains("rq-403");
        assertThat(throttled.code()).isEqualTo(WebhookRegistryErrorCode.THROTTLED);
        assertThat(throttled.getMessage()).contains("Retry-After 31 s").contains("after 31 s");
        assertThat(conflict.code()).isEqualTo(WebhookRegistryErrorCode.REJECTED);
        assertThat(conflict.httpStatus()).hasValue(409);
        assertThat(conflict.getMessage())
                .contains("Registration already exists, use PUT")
                .contains("rq-409");
        assertThat(bad.code()).isEqualTo(WebhookRegistryErrorCode.REJECTED);
        assertThat(bad.getMessage()).contains("invalidUrl: WebhookUrl is invalid");
        assertThat(List.of(forbidden, throttled, conflict, bad))
                .allSatisfy(e -> assertThat(e.requestId()).isPresent());
        assertThat(server.seen()).hasSize(4);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aTestEventIsSentAndItsResultRead() {
        server.then(json(200, "{\"correlationId\":\"c 1/2\"}"))
                .then(json(
                        200,
                        "{\"correlationId\":\"c 1/2\",\"partnerId\":\"p\",\"status\":\"completed\","
                                + "\"callbackUrl\":\"" + HOOK
                                + "\",\"results\":[{\"responseCode\":\"OK\",\"responseMessage\":\"\","
                                + "\"systemError\":null,\"dateTimeUtc\":\"2024-05-03T10:00:00Z\"},{\"responseCode\":500,"
                                + "\"responseMessage\":\"boom\",\"systemError\":\"timeout\"}]}"))
                .then(json(404, "{}"));

        String id = registry().sendTest();
        WebhookTestResult result = registry().testResult(id);
        WebhookRegistryException gone = failure(() -> registry().testResult("old"));

        assertThat(id).isEqualTo("c 1/2");
        assertThat(server.seen().get(0).rawPath()).isEqualTo("/webhooks/v1/registration/validationEvents");
        assertThat(server.seen().get(0).method()).isEqualTo("POST");
        assertThat(server.seen().get(1).rawPath()).isEqualTo("/webhooks/v1/registration/validationEvents/c%201%2F2");
        assertThat(result.status()).isEqualTo("completed");
        assertThat(result.delivered()).isTrue();
        assertThat(result.attempts()).hasSize(2);
        assertThat(result.attempts().get(0).at()).hasValue(Instant.parse("2024-05-03T10:00:00Z"));
        assertThat(result.attempts().get(1).responseCode()).isEqualTo("500");
        assertThat(result.attempts().get(1).systemError()).hasValue("timeout");
        assertThat(gone.code()).isEqualTo(WebhookRegistryErrorCode.NOT_FOUND);
        assertThat(gone.requestId()).hasValue("rq-404");
    }

    @Test
    void aRegistrationThatDoesNotReadIsUnavailable() {
        server.then(json(200, "[1]")).then(json(200, "{\"WebhookUrl\":\"not a url\"}"));

        assertThat(failure(() -> registry().current()).code()).isEqualTo(WebhookRegistryErrorCode.UNAVAILABLE);
        assertThat(failure(() -> registry().current()).getMessage()).contains("WebhookUrl is not a URL");
    }
}
