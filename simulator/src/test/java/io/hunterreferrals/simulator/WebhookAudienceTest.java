package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook API is another audience (api.partnercenter.microsoft.com) than the Referrals API
 * (api.partner.microsoft.com): each refuses the other's token, and a refresh token redeemed for the other scope gets a
 * token for it, which is how MSAL acquires the second audience silently.
 */
class WebhookAudienceTest {

    private static final String CLIENT = "audience-client";

    private PartnerCenterSimulator sim;
    private String referrals;
    private String events;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder()
                .referrals(2)
                .pollIntervalSeconds(0)
                .build()
                .start();
        referrals = sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH;
        events = sim.baseUrl() + "/webhooks/v1/registration/events";
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aReferralsTokenIs401OnTheWebhookApi() {
        String token = sim.identity().issueAccessToken();

        Http.Response r = Http.get(events, token);

        assertThat(Http.get(referrals, token).status()).isEqualTo(200);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("description").asText()).contains("another audience");
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(r.header("MS-RequestId")).isNotBlank();
    }

    @Test
    void aWebhookTokenIs401OnTheReferralsApi() {
        String token = sim.identity().issueAccessToken(PartnerCenterSimulator.WEBHOOK_SCOPE);

        Http.Response r = Http.get(referrals, token);

        assertThat(Http.get(events, token).status()).isEqualTo(200);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("unauthenticated");
        assertThat(Http.get(referrals + "/" + sim.referrals().ids().getFirst(), token)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void missingUnknownAndExpiredTokensAre401() {
        String token = sim.identity().issueAccessToken(PartnerCenterSimulator.WEBHOOK_SCOPE);
        assertThat(Http.get(events, null).status()).isEqualTo(401);
        assertThat(Http.get(events, "simAT.forged").status()).isEqualTo(401);

        sim.identity().expireAllAccessTokens();

        assertThat(Http.get(events, token).status()).isEqualTo(401);
    }

    @Test
    void theSignedInUsersRefreshTokenRedeemsForTheWebhookScope() {
        JsonNode signedIn = signIn();

        Http.Response r = Http.postForm(
                sim.baseUrl() + "/organizations/oauth2/v2.0/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        signedIn.path("refresh_token").asText(),
                        "client_id",
                        CLIENT,
                        "scope",
                        PartnerCenterSimulator.WEBHOOK_SCOPE + " openid profile offline_access",
                        "client_info",
                        "1"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("scope").asText()).isEqualTo(PartnerCenterSimulator.WEBHOOK_SCOPE);
        String webhookToken = r.json().path("access_token").asText();
        assertThat(Http.get(events, webhookToken).status()).isEqualTo(200);
        assertThat(Http.get(referrals, webhookToken).status()).isEqualTo(401);
        // The first audience's token keeps working.
        assertThat(Http.get(referrals, signedIn.path("access_token").asText()).status())
                .isEqualTo(200);
    }

    private JsonNode signIn() {
        String base = sim.baseUrl() + "/organizations/oauth2/v2.0/";
        String scope = PartnerCenterSimulator.PARTNER_CENTER_SCOPE + " openid profile offline_access";
        JsonNode dc = Http.postForm(base + "devicecode", Map.of("client_id", CLIENT, "scope", scope))
                .json();
        sim.identity().approve(dc.path("user_code").asText());
        Http.Response r = Http.postForm(
                base + "token",
                Map.of(
                        "grant_type",
                        "device_code",
                        "device_code",
                        dc.path("device_code").asText(),
                        "client_id",
                        CLIENT,
                        "scope",
                        scope));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }
}
