package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static io.hunterreferrals.core.testing.TestReferrals.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/partner-center/sync/failures}: the quarantine, and the partial run that filled it. */
class SyncFailuresRouteTest {

    private final ApiFixture api = ApiFixture.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void listsTheQuarantinedReferralsWithoutTheirPayloadUnlessAskedFor() {
        api.source.putUnreadable(unreadable("r-bad", "bad_timestamp")).putUnreadable(unreadable(null, "missing_id"));
        api.withReferrals(aReferral("r-1").build());

        JsonNode page =
                api.get("/api/v1/partner-center/sync/failures?page_size=1").json();

        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("page_size").asInt()).isEqualTo(1);
        JsonNode entry = page.get("failures").get(0);
        assertThat(entry.has("payload")).isFalse();
        assertThat(entry.get("times_seen").asInt()).isEqualTo(1);
        assertThat(entry.get("page").asInt()).isEqualTo(1);
        String lastRun = entry.get("last_task_id").asText();
        JsonNode run = api.get("/api/v1/partner-center/sync/runs/" + lastRun).json();
        assertThat(run.get("status").asText()).isEqualTo("partial");
        assertThat(run.get("failure_count").asInt()).isEqualTo(2);

        JsonNode withPayload = api.get("/api/v1/partner-center/sync/failures?include_payload=true")
                .json();
        assertThat(withPayload.get("failures"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.has("payload")).isTrue());
        JsonNode bad = withPayload.get("failures").findParents("referral_id").stream()
                .filter(e -> e.get("referral_id").asText().equals("r-bad"))
                .findFirst()
                .orElseThrow();
        assertThat(bad.get("key").asText()).isEqualTo("id:r-bad");
        assertThat(bad.get("reason").asText()).isEqualTo("bad_timestamp");
        assertThat(bad.get("updated_date_time").asText()).isEqualTo("not a date");
        assertThat(bad.get("payload").asText()).contains("\"id\":\"r-bad\"");
    }

    @Test
    void anEmptyQuarantineIsAnEmptyPageAndBadParametersAre400() {
        JsonNode page = api.get("/api/v1/partner-center/sync/failures").json();
        assertThat(page.get("failures")).isEmpty();
        assertThat(page.get("total").asLong()).isZero();

        assertThat(api.get("/api/v1/partner-center/sync/failures?include_payload=maybe")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/partner-center/sync/failures?page_size=1000")
                        .status())
                .isEqualTo(400);
    }
}
