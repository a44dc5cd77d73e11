package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code /_simulator/} levers a standalone instance is driven with, and the journal they show. */
class DataverseAdminTest {

    private DataverseSimulator sim;
    private DataverseClient api;
    private String admin;

    @BeforeEach
    void start() {
        sim = DataverseSimulator.builder().build().start();
        api = new DataverseClient(sim);
        admin = sim.baseUrl() + "/_simulator";
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static Http.Response send(String method, String url, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void faultsLeadsStateTokensAndReset() {
        assertThat(Http.get(admin + "/health", null).json().path("status").asText())
                .isEqualTo("ok");

        assertThat(Http.post(admin + "/faults?kind=403-privilege&target=UPSERT&times=2")
                        .status())
                .isEqualTo(200);
        assertThat(Http.get(admin + "/faults", null).json().path("pending")).hasSize(1);
        assertThat(api.upsert("a-1", "{}").status()).isEqualTo(403);
        assertThat(send("DELETE", admin + "/faults", null).status()).isEqualTo(204);
        assertThat(api.upsert("a-1", "{\"subject\":\"one\"}").status()).isEqualTo(204);

        assertThat(Http.post(admin + "/leads/a-1/state?statecode=2&statuscode=6")
                        .status())
                .isEqualTo(204);
        JsonNode leads = Http.get(admin + "/leads", null).json();
        assertThat(leads.path("created").asInt()).isEqualTo(1);
        assertThat(leads.path("leads").get(0).path("columns").path("statecode").asInt())
                .isEqualTo(2);
        assertThat(leads.path("leads")
                        .get(0)
                        .path("apiWrites")
                        .get(0)
                        .path("subject")
                        .asText())
                .isEqualTo("one");
        assertThat(sim.leads().byReferralId("a-1").orElseThrow().statusCode()).isEqualTo(6);

        String inserted = send(
                        "POST", admin + "/leads", "{\"hnt_partnercenterreferralid\":\"a-2\",\"subject\":\"typed\"}")
                .json()
                .path("leadid")
                .asText();
        assertThat(sim.leads().byReferralId("a-2").orElseThrow().leadId().toString())
                .isEqualTo(inserted);
        assertThat(sim.leads().byReferralId("a-2").orElseThrow().createdByApi()).isFalse();

        assertThat(Http.post(admin + "/tokens/expire").status()).isEqualTo(204);
        assertThat(api.get("WhoAmI").status()).isEqualTo(401);

        assertThat(Http.post(admin + "/reset").status()).isEqualTo(204);
        assertThat(sim.leads().size()).isZero();
        JsonNode keys = Http.get(admin + "/keys", null).json().path("keys");
        assertThat(keys.get(0).path("status").asText()).isEqualTo("Active");
        assertThat(Http.post(admin + "/faults?kind=nonsense").status()).isEqualTo(400);
    }

    @Test
    void theJournalShowsWhatWasSentButNoTokenValue() {
        api.upsert("j-1", "{\"subject\":\"journaled\"}");

        JsonNode requests = Http.get(admin + "/journal", null).json().path("requests");

        JsonNode patch = requests.get(0);
        assertThat(patch.path("method").asText()).isEqualTo("PATCH");
        assertThat(patch.path("path").asText()).isEqualTo("/api/data/v9.2/leads(hnt_partnercenterreferralid='j-1')");
        assertThat(patch.path("hasAuthorization").asBoolean()).isTrue();
        assertThat(patch.path("body").asText()).isEqualTo("{\"subject\":\"journaled\"}");
        assertThat(requests.toString()).doesNotContain(api.token());
        assertThat(sim.journal().toPath(DataverseSimulator.API_PATH + "leads")).hasSize(1);
        assertThat(send("DELETE", admin + "/journal", null).status()).isEqualTo(204);
        assertThat(sim.journal().size()).isEqualTo(0);
    }
}
