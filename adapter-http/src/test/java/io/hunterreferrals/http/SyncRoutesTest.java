package io.hunterreferrals.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncTrigger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyncRoutesTest {

    private final ApiFixture api = ApiFixture.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theRunbooksCurlEnqueuesASyncAndAnswersWithTheExactKeys() {
        // curl -X POST http://localhost:8000/api/referrals/sync -H "Content-Type: application/json"
        ApiFixture.Response response = api.post("/api/referrals/sync", "application/json", new byte[0]);

        assertThat(response.status()).isEqualTo(202);
        JsonNode json = response.json();
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactly(
                        "success",
                        "message",
                        "enqueued",
                        "task_id",
                        "success_count",
                        "failure_count",
                        "skipped_count",
                        "errors");
        assertThat(json.get("success").asBoolean()).isTrue();
        assertThat(json.get("message").asText()).isEqualTo("Referral sync task enqueued. Check logs for results.");
        assertThat(json.get("enqueued").asBoolean()).isTrue();
        assertThat(json.get("success_count").asInt()).isZero();
        assertThat(json.get("failure_count").asInt()).isZero();
        assertThat(json.get("skipped_count").asInt()).isZero();
        assertThat(json.get("errors").isArray() && json.get("errors").isEmpty()).isTrue();
        SyncRunId taskId = SyncRunId.parse(json.get("task_id").asText());
        assertThat(api.dispatcher.dispatched()).singleElement().satisfies(request -> {
            assertThat(request.queuedRun()).contains(taskId);
            assertThat(request.trigger()).isEqualTo(SyncTrigger.MANUAL);
            assertThat(request.mode()).isEqualTo(SyncMode.INCREMENTAL);
        });
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void aSecondTriggerWhileQueuedReturnsTheSameTaskWithoutEnqueuing() {
        String first = api.post("/api/v1/partner-center/referrals/sync", "{}")
                .json()
                .get("task_id")
                .asText();

        ApiFixture.Response second = api.post("/api/referrals/sync", "application/json", new byte[0]);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("enqueued").asBoolean()).isFalse();
        assertThat(second.json().get("success").asBoolean()).isTrue();
        assertThat(second.json().get("task_id").asText()).isEqualTo(first);
        assertThat(second.json().get("message").asText()).contains("already queued or running");
        assertThat(api.dispatcher.dispatched()).hasSize(1);
    }

    @Test
    void fullModeIsPassedOn() {
        assertThat(api.post("/api/v1/partner-center/referrals/sync", "{\"mode\": \"full\"}")
                        .status())
                .isEqualTo(202);

        assertThat(api.dispatcher.dispatched().getFirst().mode()).isEqualTo(SyncMode.FULL);
    }

    @Test
    void anUnknownModeIsRefusedListingTheAcceptedOnes() {
        ApiFixture.Response response = api.post("/api/v1/partner-center/referrals/sync", "{\"mode\": \"everything\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_field");
        assertThat(response.errorMessage()).contains("everything", "incremental", "full");
        assertThat(api.dispatcher.dispatched()).isEmpty();
    }

    @Test
    void malformedJsonIsA400() {
        ApiFixture.Response response = api.post("/api/v1/partner-center/referrals/sync", "{\"mode\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("malformed_json");
    }

    @Test
    void withTheFlagOffTheTriggerIsA400NamingTheSetting() {
        api.partnerCenterEnabled.set(false);

        ApiFixture.Response response = api.post("/api/referrals/sync", "application/json", new byte[0]);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("partner_center_disabled");
        assertThat(response.errorMessage()).contains("HUNTER_PARTNER_CENTER_ENABLED");
        assertThat(api.dispatcher.dispatched()).isEmpty();
    }

    @Test
    void aDispatchFailureIsA503AndFreesTheQueue() {
        api.dispatcher.failWith(new IllegalStateException("scheduler down"));

        ApiFixture.Response response = api.post("/api/referrals/sync", "{}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.errorCode()).isEqualTo("enqueue_failed");
        assertThat(response.errorMessage()).doesNotContain("scheduler down").contains(response.header("X-Request-Id"));
        api.dispatcher.failWith(null);
        assertThat(api.post("/api/referrals/sync", "{}").status()).isEqualTo(202);
    }

    @Test
    void statusShowsTheActiveRunAndTheLastFinishedOne() {
        ApiFixture.Response empty = api.get("/api/v1/partner-center/sync/status");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("active").isNull()).isTrue();
        assertThat(empty.json().get("last_finished").isNull()).isTrue();
        assertThat(empty.json().get("partner_center_enabled").asBoolean()).isTrue();

        api.withReferrals(
                io.hunterreferrals.core.testing.TestReferrals.aReferral("r-1").build());
        String taskId =
                api.post("/api/referrals/sync", "{}").json().get("task_id").asText();

        JsonNode status = api.get("/api/v1/partner-center/sync/status").json();
        assertThat(status.get("active").get("task_id").asText()).isEqualTo(taskId);
        assertThat(status.get("active").get("status").asText()).isEqualTo("queued");
        JsonNode last = status.get("last_finished");
        assertThat(last.get("status").asText()).isEqualTo("succeeded");
        assertThat(last.get("success_count").asInt()).isEqualTo(1);
        assertThat(last.get("finished_at").asText()).isNotEmpty();
        assertThat(last.get("trigger").asText()).isEqualTo("cli");
        assertThat(last.has("skipped_reasons")).isTrue();
        assertThat(last.get("error").isNull()).isTrue();
    }

    @Test
    void aFailedRunShowsItsErrorWithPartnerCentersDetails() {
        api.source.failOnPage(
                1,
                new io.hunterreferrals.core.sync.ReferralSourceException(
                        io.hunterreferrals.core.sync.SourceFailure.THROTTLED,
                        "Partner Center throttled the sync",
                        429,
                        "TooManyRequests",
                        "req-42",
                        null));
        api.withReferrals(
                io.hunterreferrals.core.testing.TestReferrals.aReferral("r-1").build());

        JsonNode error = api.get("/api/v1/partner-center/sync/status")
                .json()
                .get("last_finished")
                .get("error");

        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("http_status").asInt()).isEqualTo(429);
        assertThat(error.get("partner_center_error_code").asText()).isEqualTo("TooManyRequests");
        assertThat(error.get("request_id").asText()).isEqualTo("req-42");
    }

    @Test
    void runsArePagedNewestFirstAndOneRunIsFoundByTaskId() {
        api.withReferrals(
                io.hunterreferrals.core.testing.TestReferrals.aReferral("r-1").build());
        String queued =
                api.post("/api/referrals/sync", "{}").json().get("task_id").asText();

        JsonNode page =
                api.get("/api/v1/partner-center/sync/runs?page=1&page_size=1").json();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("page_size").asInt()).isEqualTo(1);
        assertThat(page.get("runs"))
                .singleElement()
                .satisfies(run -> assertThat(run.get("task_id").asText()).isEqualTo(queued));

        ApiFixture.Response one = api.get("/api/v1/partner-center/sync/runs/" + queued);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("status").asText()).isEqualTo("queued");
        assertThat(one.json().get("mode").asText()).isEqualTo("incremental");
    }

    @Test
    void anUnknownTaskIdIs404AndAMalformedOneIs400() {
        ApiFixture.Response unknown = api.get("/api/v1/partner-center/sync/runs/" + SyncRunId.random());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("task_not_found");

        ApiFixture.Response malformed = api.get("/api/v1/partner-center/sync/runs/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("invalid_task_id");
    }

    @Test
    void runsPageSizeOutOfRangeIsA400() {
        ApiFixture.Response response = api.get("/api/v1/partner-center/sync/runs?page_size=201");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).contains("page_size", "200");
    }
}
