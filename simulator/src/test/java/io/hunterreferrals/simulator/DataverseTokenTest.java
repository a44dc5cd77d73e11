package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client-credentials grant with a secret: success, Entra's errors, expiry, and what the journal keeps. */
class DataverseTokenTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private DataverseSimulator sim;

    @BeforeEach
    void start() {
        sim = DataverseSimulator.builder()
                .clock(clock)
                .accessTokenLifetime(Duration.ofMinutes(10))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Http.Response grant(Map<String, String> overrides) {
        Map<String, String> form = new HashMap<>(DataverseClient.secretGrant(sim));
        form.putAll(overrides);
        return DataverseClient.tokenRequest(sim, form);
    }

    @Test
    void secretGrantIssuesAnOpaqueBearerTokenThatTheWebApiAccepts() {
        Http.Response r = grant(Map.of());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asInt()).isEqualTo(600);
        assertThat(body.path("access_token").asText()).startsWith(DataverseTokens.ACCESS_TOKEN_PREFIX);
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(new DataverseClient(sim, body.path("access_token").asText())
                        .get("WhoAmI")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theSimulatorsOwnUrlIsAnAcceptedResourceToo() {
        assertThat(grant(Map.of("scope", sim.baseUrl() + "/.default")).status()).isEqualTo(200);
        // MSAL may add the OIDC scopes; they do not count as a resource.
        assertThat(grant(Map.of("scope", sim.scope() + " openid profile offline_access"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void wrongSecretIs401InvalidClientAsEntraAnswers() {
        Http.Response r = grant(Map.of("client_secret", "not-the-secret"));

        assertThat(r.status()).isEqualTo(401);
        JsonNode body = r.json();
        assertThat(body.path("error").asText()).isEqualTo("invalid_client");
        assertThat(body.path("error_description").asText())
                .startsWith("AADSTS7000215: Invalid client secret provided.")
                .contains("Trace ID: ")
                .contains("Correlation ID: ")
                .contains("Timestamp: 2026-03-02 08:00:00Z");
        assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(body.path("error_uri").asText()).endsWith("?code=7000215");
    }

    @Test
    void otherRefusals() {
        Map<String, String> noSecret = new HashMap<>(DataverseClient.secretGrant(sim));
        noSecret.remove("client_secret");

        assertThat(error(grant(Map.of("client_id", "someone-else")))).isEqualTo("400 unauthorized_client 700016");
        assertThat(error(DataverseClient.tokenRequest(sim, noSecret))).isEqualTo("401 invalid_client 7000218");
        assertThat(error(grant(Map.of("grant_type", "password")))).isEqualTo("400 unsupported_grant_type 70003");
        assertThat(error(grant(Map.of("scope", "https://other.crm.dynamics.com/.default"))))
                .isEqualTo("400 invalid_resource 500011");
        assertThat(error(grant(Map.of("scope", sim.orgUrl() + "/user_impersonation"))))
                .isEqualTo("400 invalid_scope 1002012");
        assertThat(error(Http.postForm(
                        sim.baseUrl() + "/other-tenant/oauth2/v2.0/token", DataverseClient.secretGrant(sim))))
                .isEqualTo("400 invalid_request 90002");
    }

    private static String error(Http.Response r) {
        return r.status() + " " + r.json().path("error").asText() + " "
                + r.json().path("error_codes").get(0).asInt();
    }

    @Test
    void tokensExpireWithTheClockAndOnTheLever() {
        DataverseClient api = new DataverseClient(
                sim, grant(Map.of()).json().path("access_token").asText());
        clock.advance(Duration.ofMinutes(9));
        assertThat(api.get("WhoAmI").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        assertThat(api.get("WhoAmI").status()).isEqualTo(401);

        DataverseClient fresh = new DataverseClient(sim);
        sim.tokens().expireAllAccessTokens();
        assertThat(fresh.get("WhoAmI").status()).isEqualTo(401);
        assertThat(new DataverseClient(sim).get("WhoAmI").status()).isEqualTo(200);
    }

    @Test
    void theJournalKeepsThatCredentialsWereSentButNotTheirValues() {
        String token = grant(Map.of()).json().path("access_token").asText();
        new DataverseClient(sim, token).get("WhoAmI");

        RecordedRequest tokenRequest = sim.journal().tokenRequests().getFirst();
        assertThat(tokenRequest.formParam("client_secret")).contains("[redacted]");
        assertThat(tokenRequest.formParam("client_id")).contains(sim.clientId());
        RecordedRequest call = sim.journal().toPath(DataverseSimulator.API_PATH).getFirst();
        assertThat(call.hasAuthorization()).isTrue();
        assertThat(call.header("Authorization")).contains("Bearer [redacted]");
        assertThat(sim.journal().all().toString()).doesNotContain(token).doesNotContain(sim.clientSecret());
        assertThat(sim.journal().all())
                .allSatisfy(r -> assertThat(r.headers().toString() + r.body())
                        .doesNotContain(token)
                        .doesNotContain(sim.clientSecret()));
    }
}
