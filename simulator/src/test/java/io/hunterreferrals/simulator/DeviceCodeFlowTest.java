package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device-code and refresh wire protocol, byte for byte what MSAL4J 1.26.0 sends and parses (§6.3). */
class DeviceCodeFlowTest {

    private static final String CLIENT = "test-client";
    // What MSAL actually sends: the resource scope plus the OIDC scopes it always adds.
    private static final String MSAL_SCOPE =
            PartnerCenterSimulator.PARTNER_CENTER_SCOPE + " openid profile offline_access";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T09:00:00Z"));
    private PartnerCenterSimulator sim;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder()
                .referrals(3)
                .clock(clock)
                .pollIntervalSeconds(0)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String url(String tenant, String endpoint) {
        return sim.baseUrl() + "/" + tenant + "/oauth2/v2.0/" + endpoint;
    }

    private JsonNode deviceCode(String tenant) {
        Http.Response r = Http.postForm(url(tenant, "devicecode"), Map.of("client_id", CLIENT, "scope", MSAL_SCOPE));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private Http.Response poll(String tenant, String deviceCode) {
        return Http.postForm(
                url(tenant, "token"),
                Map.of(
                        "grant_type",
                        "device_code",
                        "device_code",
                        deviceCode,
                        "client_id",
                        CLIENT,
                        "scope",
                        MSAL_SCOPE,
                        "client_info",
                        "1"));
    }

    @Test
    void deviceCodeResponseHasEveryFieldMsalReads() {
        JsonNode dc = deviceCode("my-tenant");

        assertThat(dc.path("device_code").asText()).startsWith(Canary.DEVICE_CODE_PREFIX);
        assertThat(dc.path("user_code").asText()).hasSize(9);
        assertThat(dc.path("verification_uri").asText()).isEqualTo(sim.baseUrl() + "/devicelogin");
        assertThat(dc.path("expires_in").asInt()).isEqualTo(900);
        assertThat(dc.path("interval").asInt()).isZero();
        assertThat(dc.path("message").asText()).contains(dc.path("user_code").asText());
        assertThat(sim.identity().pendingUserCodes())
                .containsExactly(dc.path("user_code").asText());
    }

    @Test
    void pendingThenApprovedYieldsTokens() {
        JsonNode dc = deviceCode("my-tenant");

        Http.Response pending = poll("my-tenant", dc.path("device_code").asText());
        assertThat(pending.status()).isEqualTo(400);
        assertThat(pending.json().path("error").asText()).isEqualTo("authorization_pending");
        assertThat(pending.json().path("error_description").asText()).isNotBlank();

        sim.identity().approve(dc.path("user_code").asText());
        // MSAL lower-cases the whole authority, tenant included.
        Http.Response ok =
                poll("MY-TENANT".toLowerCase(), dc.path("device_code").asText());

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Content-Type")).startsWith("application/json");
        JsonNode t = ok.json();
        assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.path("scope").asText()).isEqualTo(PartnerCenterSimulator.PARTNER_CENTER_SCOPE);
        assertThat(t.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(t.path("access_token").asText()).startsWith(Canary.ACCESS_TOKEN_PREFIX);
        assertThat(t.path("refresh_token").asText()).startsWith(Canary.REFRESH_TOKEN_PREFIX);

        String[] jwt = t.path("id_token").asText().split("\\.", -1);
        assertThat(jwt).hasSize(3);
        assertThat(decode(jwt[0]).path("alg").asText()).isEqualTo("none");
        JsonNode claims = decode(jwt[1]);
        assertThat(claims.path("preferred_username").asText()).isEqualTo(Canary.OPERATOR_EMAIL);
        assertThat(claims.path("tid").asText()).isEqualTo(sim.identity().tenantId());
        assertThat(claims.path("oid").asText()).isEqualTo(sim.identity().userObjectId());
        assertThat(claims.path("aud").asText()).isEqualTo(CLIENT);
        assertThat(claims.path("exp").asLong()).isEqualTo(clock.instant().getEpochSecond() + 3600);
        for (String claim : new String[] {"sub", "name", "iss", "iat"}) {
            assertThat(claims.has(claim)).as(claim).isTrue();
        }
        JsonNode clientInfo = decode(t.path("client_info").asText());
        assertThat(clientInfo.path("uid").asText()).isEqualTo(sim.identity().userObjectId());
        assertThat(clientInfo.path("utid").asText()).isEqualTo(sim.identity().tenantId());

        assertThat(Http.get(
                                sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH,
                                t.path("access_token").asText())
                        .status())
                .isEqualTo(200);
        // A device code is good for one redemption only.
        assertThat(poll("my-tenant", dc.path("device_code").asText())
                        .json()
                        .path("error")
                        .asText())
                .isEqualTo("invalid_grant");
    }

    @Test
    void pollWithoutScopeStillEchoesTheScopeOfTheDeviceCode() {
        JsonNode dc = deviceCode("t");
        sim.identity().approve(dc.path("user_code").asText());

        JsonNode t = Http.postForm(
                        url("t", "token"),
                        Map.of(
                                "grant_type",
                                "device_code",
                                "device_code",
                                dc.path("device_code").asText(),
                                "client_id",
                                CLIENT))
                .json();

        assertThat(t.path("scope").asText()).isEqualTo(PartnerCenterSimulator.PARTNER_CENTER_SCOPE);
    }

    @Test
    void declinedCodeIsReportedAsDeclined() {
        JsonNode dc = deviceCode("t");
        sim.identity().decline(dc.path("user_code").asText());

        JsonNode error = poll("t", dc.path("device_code").asText()).json();

        assertThat(error.path("error").asText()).isEqualTo("authorization_declined");
        assertThat(error.path("error_description").asText()).isNotBlank();
    }

    @Test
    void expiredCodeIsReportedAsExpired() {
        JsonNode dc = deviceCode("t");
        clock.advance(Duration.ofMinutes(16));

        JsonNode error = poll("t", dc.path("device_code").asText()).json();

        assertThat(error.path("error").asText()).isEqualTo("expired_token");
        assertThat(error.path("error_description").asText()).isNotBlank();
        assertThat(sim.identity().pendingUserCodes()).isEmpty();
    }

    @Test
    void codeIsBoundToTheTenantItWasRequestedFor() {
        JsonNode dc = deviceCode("tenant-a");
        sim.identity().approve(dc.path("user_code").asText());

        assertThat(poll("tenant-b", dc.path("device_code").asText())
                        .json()
                        .path("error")
                        .asText())
                .isEqualTo("invalid_grant");
    }

    @Test
    void autoApprovalAfterConfiguredPolls() {
        try (PartnerCenterSimulator auto = PartnerCenterSimulator.builder()
                .referrals(0)
                .autoApproveAfterPolls(2)
                .build()
                .start()) {
            String base = auto.baseUrl() + "/common/oauth2/v2.0/";
            JsonNode dc = Http.postForm(base + "devicecode", Map.of("client_id", CLIENT, "scope", MSAL_SCOPE))
                    .json();
            Map<String, String> form = Map.of(
                    "grant_type",
                    "device_code",
                    "device_code",
                    dc.path("device_code").asText(),
                    "client_id",
                    CLIENT,
                    "scope",
                    MSAL_SCOPE);

            assertThat(Http.postForm(base + "token", form).status()).isEqualTo(400);
            assertThat(Http.postForm(base + "token", form).status()).isEqualTo(200);
        }
    }

    @Test
    void adminEndpointApprovesForStandaloneUse() {
        JsonNode dc = deviceCode("t");

        Http.Response r = Http.post(sim.baseUrl() + "/_simulator/device/approve?user_code="
                + dc.path("user_code").asText());

        assertThat(r.status()).isEqualTo(200);
        assertThat(poll("t", dc.path("device_code").asText()).status()).isEqualTo(200);
    }

    @Test
    void verificationPageApprovesTheEnteredCode() {
        JsonNode dc = deviceCode("t");

        Http.Response page = Http.postForm(
                sim.baseUrl() + "/devicelogin",
                Map.of("user_code", dc.path("user_code").asText().toLowerCase()));

        assertThat(page.body()).contains("Signed in");
        assertThat(poll("t", dc.path("device_code").asText()).status()).isEqualTo(200);
    }

    @Test
    void refreshIssuesNewAccessTokenAndRotatesRefreshToken() {
        JsonNode first = signIn();

        Http.Response r = refresh(first.path("refresh_token").asText());

        assertThat(r.status()).isEqualTo(200);
        JsonNode second = r.json();
        assertThat(second.path("access_token").asText())
                .isNotEqualTo(first.path("access_token").asText());
        assertThat(second.path("refresh_token").asText())
                .isNotEqualTo(first.path("refresh_token").asText());
        assertThat(second.path("scope").asText()).isEqualTo(PartnerCenterSimulator.PARTNER_CENTER_SCOPE);
        assertThat(second.has("id_token")).isTrue();
        assertThat(second.has("client_info")).isTrue();
        assertThat(Http.get(
                                sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH,
                                second.path("access_token").asText())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void revokedRefreshTokenIsInvalidGrant() {
        JsonNode tokens = signIn();
        sim.identity().revokeAllRefreshTokens();

        Http.Response r = refresh(tokens.path("refresh_token").asText());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(r.json().path("error_description").asText()).isNotBlank();
        // Not client_mismatch/protection_policy_required, so MSAL raises MsalInteractionRequiredException.
        assertThat(r.json().path("suberror").asText()).isEqualTo("bad_token");
    }

    @Test
    void unknownRefreshTokenAndUnsupportedGrantAreRejected() {
        assertThat(refresh("simRT.nonsense").json().path("error").asText()).isEqualTo("invalid_grant");
        Http.Response r = Http.postForm(url("t", "token"), Map.of("grant_type", "password", "client_id", CLIENT));
        assertThat(r.json().path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void approvingUnknownCodeFails() {
        assertThatThrownBy(() -> sim.identity().approve("NOPE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void awaitReturnsCodeRequestedFromAnotherThread() throws Exception {
        Thread requester = Thread.startVirtualThread(() -> deviceCode("t"));

        String code = sim.identity().awaitPendingUserCode(Duration.ofSeconds(5));

        requester.join();
        assertThat(sim.identity().pendingUserCodes()).containsExactly(code);
    }

    private JsonNode signIn() {
        JsonNode dc = deviceCode("t");
        sim.identity().approve(dc.path("user_code").asText());
        return poll("t", dc.path("device_code").asText()).json();
    }

    private Http.Response refresh(String refreshToken) {
        return Http.postForm(
                url("t", "token"),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        refreshToken,
                        "client_id",
                        CLIENT,
                        "scope",
                        MSAL_SCOPE,
                        "client_info",
                        "1"));
    }

    private static JsonNode decode(String b64url) {
        return Json.parse(new String(Base64.getUrlDecoder().decode(b64url), StandardCharsets.UTF_8));
    }
}
