package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PATCH /v1.0/engagements/referrals/{id}} of {@code /externalReferenceId}, over real HTTP. */
class ReferralPatchTest {

    private static final String SET_LEAD =
            "[{\"op\":\"replace\",\"path\":\"/externalReferenceId\",\"value\":\"lead-1\"}]";
    private static PartnerCenterSimulator sim;
    private static String token;
    private String id;

    @BeforeAll
    static void start() {
        sim = PartnerCenterSimulator.builder().referrals(5).build().start();
        token = sim.identity().issueAccessToken();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.faults().clear();
        sim.journal().clear();
        sim.patchMode(PatchMode.ACCEPT);
        id = sim.referrals().addNew();
    }

    @Test
    void aReplaceWithTheCurrentETagStoresTheValueIssuesANewETagAndAnswers204() {
        String etag = etag();

        Http.Response r = patch(SET_LEAD, Map.of("If-Match", etag));

        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(r.header("ETag")).isNotEqualTo(etag).isEqualTo(etag());
        assertThat(r.header("request-id")).isNotBlank();
        assertThat(sim.referrals()
                        .get(id)
                        .orElseThrow()
                        .path("externalReferenceId")
                        .asText())
                .isEqualTo("lead-1");
        assertThat(sim.journal().matching(q -> q.method().equals("PATCH")))
                .singleElement()
                .satisfies(q -> assertThat(q.body()).isEqualTo(SET_LEAD));
    }

    @Test
    void withoutIfMatchAndWithARepresentationItAnswers200WithTheReferral() {
        Http.Response r = patch(
                "[{\"op\":\"add\",\"path\":\"/externalReferenceId\",\"value\":\"lead-2\"}]",
                Map.of("Prefer", "return=representation"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("externalReferenceId").asText()).isEqualTo("lead-2");
        assertThat(r.json().path("id").asText()).isEqualTo(id);
    }

    @Test
    void aStaleETagIs412AndChangesNothing() {
        var before = sim.referrals().get(id).orElseThrow();

        Http.Response r = patch(SET_LEAD, Map.of("If-Match", "\"stale\""));

        assertThat(r.status()).isEqualTo(412);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("preconditionFailed");
        assertThat(sim.referrals().get(id).orElseThrow()).isEqualTo(before);
    }

    @Test
    void anythingButReplaceOrAddOfExternalReferenceIdIs400() {
        assertThat(patch("[{\"op\":\"remove\",\"path\":\"/externalReferenceId\"}]", Map.of()))
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.json().path("error").path("code").asText()).isEqualTo("invalidRequest");
                    assertThat(r.json().path("error").path("message").asText()).contains("only replace and add");
                });
        assertThat(patch("{\"externalReferenceId\":\"lead-1\"}", Map.of()).status())
                .isEqualTo(400);
        assertThat(patch("[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"x\"}]", Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(patch("[{\"op\":\"replace\",\"path\":\"/externalReferenceId\",\"value\":{}}]", Map.of())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theModesPlayEachAnswerPartnerCenterMightGive() {
        sim.patchMode(PatchMode.REFUSE_NOT_UPDATABLE);
        assertThat(patch(SET_LEAD, Map.of()).status()).isEqualTo(400);
        sim.patchMode(PatchMode.REFUSE_FORBIDDEN);
        assertThat(patch(SET_LEAD, Map.of()).json().path("error").path("code").asText())
                .isEqualTo("accessDenied");
        sim.patchMode(PatchMode.IGNORE);
        String etag = etag();
        Http.Response ignored = patch(SET_LEAD, Map.of("Prefer", "return=representation"));
        assertThat(ignored.status()).isEqualTo(200);
        assertThat(ignored.json().path("externalReferenceId").asText()).isNotEqualTo("lead-1");
        assertThat(etag()).isEqualTo(etag);
    }

    @Test
    void itNeedsATokenAnAnswersUnknownReferralsAndFaultsLikeTheReads() {
        assertThat(Http.send(request(SET_LEAD, Map.of()).build()).status()).isEqualTo(401);
        assertThat(patchAt("/no-such-referral", SET_LEAD).status()).isEqualTo(404);
        sim.faults().inject(Fault.serviceUnavailable(1).on(FaultTarget.REFERRAL_PATCH));
        assertThat(patch(SET_LEAD, Map.of()).status()).isEqualTo(503);
        sim.faults().inject(Fault.serviceUnavailable(1)); // a read fault leaves the write-back alone
        assertThat(patch(SET_LEAD, Map.of()).status()).isEqualTo(204);
    }

    @Test
    void theAdminLeverSetsTheMode() {
        Http.Response r = Http.post(sim.baseUrl() + "/_simulator/patch-mode?mode=refuse_forbidden");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(sim.patchMode()).isEqualTo(PatchMode.REFUSE_FORBIDDEN);
        assertThat(Http.post(sim.baseUrl() + "/_simulator/patch-mode?mode=maybe")
                        .status())
                .isEqualTo(400);
    }

    private String etag() {
        return sim.referrals().get(id).orElseThrow().path("eTag").asText();
    }

    private Http.Response patch(String body, Map<String, String> headers) {
        HttpRequest.Builder b = request(body, headers).header("Authorization", "Bearer " + token);
        return Http.send(b.build());
    }

    private Http.Response patchAt(String suffix, String body) {
        return Http.send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH + suffix))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .build());
    }

    private HttpRequest.Builder request(String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH + "/" + id))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        return b;
    }
}
