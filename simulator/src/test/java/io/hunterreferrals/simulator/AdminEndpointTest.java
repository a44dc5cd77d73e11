package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /_simulator levers the standalone demo relies on. */
class AdminEndpointTest {

    private PartnerCenterSimulator sim;
    private String admin;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder().referrals(4).build().start();
        admin = sim.baseUrl() + "/_simulator";
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void healthReportsReferralCount() {
        assertThat(Http.get(admin + "/health", null).json().path("referrals").asInt())
                .isEqualTo(4);
    }

    @Test
    void addsAndChangesReferrals() {
        JsonNode added = Http.post(admin + "/referrals?count=2").json();
        String id = sim.referrals().ids().getFirst();

        Http.Response changed = Http.post(admin + "/referrals/" + id + "/status?status=Active&substatus=Accepted");

        assertThat(added.get("added")).hasSize(2);
        assertThat(sim.referrals().size()).isEqualTo(6);
        assertThat(changed.status()).isEqualTo(204);
        assertThat(sim.referrals().get(id).orElseThrow().path("substatus").asText())
                .isEqualTo("Accepted");
        assertThat(Http.post(admin + "/referrals/nope/status?status=Active&substatus=Accepted")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void injectsRawReferral() {
        Http.Response r = Http.send(HttpRequest.newBuilder(URI.create(admin + "/referrals/raw"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"no id\"}"))
                .build());

        assertThat(r.status()).isEqualTo(204);
        assertThat(sim.referrals().all().getLast().path("name").asText()).isEqualTo("no id");
    }

    @Test
    void revokesRefreshTokensAndClearsJournal() {
        assertThat(Http.post(admin + "/tokens/revoke").status()).isEqualTo(204);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(admin + "/journal"))
                                .DELETE()
                                .build())
                        .status())
                .isEqualTo(204);
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void unknownPathsAre404() {
        assertThat(Http.get(sim.baseUrl() + "/nowhere", null).status()).isEqualTo(404);
        assertThat(Http.get(admin + "/nowhere", null).status()).isEqualTo(404);
    }
}
