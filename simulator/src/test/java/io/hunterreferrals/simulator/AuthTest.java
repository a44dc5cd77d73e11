package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Referrals API's 401s: missing, unknown, naturally expired and force-expired tokens. */
class AuthTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T09:00:00Z"));
    private PartnerCenterSimulator sim;
    private String url;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder()
                .referrals(5)
                .clock(clock)
                .accessTokenLifetime(Duration.ofMinutes(2))
                .build()
                .start();
        url = sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH;
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void missingTokenIs401Unauthenticated() {
        Http.Response r = Http.get(url, null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("unauthenticated");
        assertThat(r.json().path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void unknownTokenIs401() {
        assertThat(Http.get(url, "simAT.forged").status()).isEqualTo(401);
        assertThat(Http.get(url + "/" + sim.referrals().ids().getFirst(), "simAT.forged")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void tokenExpiresWithTheClock() {
        String token = sim.identity().issueAccessToken();
        assertThat(Http.get(url, token).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));

        assertThat(Http.get(url, token).status()).isEqualTo(401);
        assertThat(Http.get(url, token).json().path("error").path("message").asText())
                .contains("expired");
    }

    @Test
    void expireAllAccessTokensExpiresIssuedTokensOnly() {
        String old = sim.identity().issueAccessToken();

        sim.identity().expireAllAccessTokens();
        String fresh = sim.identity().issueAccessToken();

        assertThat(Http.get(url, old).status()).isEqualTo(401);
        assertThat(Http.get(url, fresh).status()).isEqualTo(200);
    }

    @Test
    void adminEndpointExpiresTokens() {
        String token = sim.identity().issueAccessToken();

        assertThat(Http.post(sim.baseUrl() + "/_simulator/tokens/expire").status())
                .isEqualTo(204);

        assertThat(Http.get(url, token).status()).isEqualTo(401);
    }
}
