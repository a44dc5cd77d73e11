package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.TestReferrals.aReferralOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.PushRunId;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The push routes over core's real PushReferrals and in-memory ports, on a real server. */
class DynamicsRoutesTest {

    private static final String PUSH_ONE = "/api/v1/partner-center/referrals/r-1/push-to-dynamics";

    @Nested
    class WhenThePushIsOff {

        private final ApiFixture api = ApiFixture.start()
                .withReferrals(
                        aReferralOf("r-1", "Contoso Ltd", "contoso.com.tr").build());

        @AfterEach
        void stop() {
            api.close();
        }

        @Test
        void pushesAreRefusedNamingTheSetting() {
            var all = api.post("/api/v1/dynamics/push", "");
            var one = api.post(PUSH_ONE, "");

            assertThat(all.status()).isEqualTo(409);
            assertThat(all.errorCode()).isEqualTo("dynamics_disabled");
            assertThat(all.errorMessage()).contains("HUNTER_DYNAMICS_ENABLED=true", "hunter dynamics setup --apply");
            assertThat(one.status()).isEqualTo(409);
            assertThat(one.errorCode()).isEqualTo("dynamics_disabled");
            assertThat(api.leads.draftsReceived()).isZero();
        }

        @Test
        void theReadsStillAnswerAndSayItIsOff() {
            assertThat(api.get("/api/v1/dynamics/push/runs").json().get("items"))
                    .isEmpty();
            JsonNode detail = api.get("/api/v1/partner-center/referrals/r-1").json();
            assertThat(detail.get("dynamics").get("enabled").asBoolean()).isFalse();
            assertThat(detail.get("dynamics").get("state").isNull()).isTrue();
            JsonNode health = api.get("/healthz").json();
            assertThat(health.get("dynamics_enabled").asBoolean()).isFalse();
            assertThat(health.get("last_push").isNull()).isTrue();
        }
    }

    @Nested
    class WhenThePushIsOn {

        private final ApiFixture api = ApiFixture.startWithDynamics()
                .withReferrals(
                        aReferralOf("r-1", "Contoso Ltd", "contoso.com.tr").build(),
                        aReferralOf("r-2", "Fabrikam GmbH", "fabrikam.de").build());

        @AfterEach
        void stop() {
            api.close();
        }

        @Test
        void aWholePushIsHandedToTheWorkerAndASecondRequestJoinsIt() {
            var first = api.post("/api/v1/dynamics/push", "");
            var second = api.post("/api/v1/dynamics/push", "");

            assertThat(first.status()).isEqualTo(202);
            assertThat(first.json().get("status").asText()).isEqualTo("queued");
            assertThat(first.json().get("runs_url").asText()).isEqualTo("/api/v1/dynamics/push/runs");
            assertThat(second.status()).isEqualTo(202);
            assertThat(second.json().get("status").asText()).isEqualTo("already_queued");
            assertThat(api.pushesDispatched).containsExactly(PushTrigger.MANUAL, PushTrigger.MANUAL);
            assertThat(api.leads.draftsReceived())
                    .as("the API itself pushes nothing")
                    .isZero();
        }

        @Test
        void oneReferralIsPushedAtOnceAndItsStateShown() {
            var created = api.post(PUSH_ONE, "");

            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            JsonNode body = created.json();
            assertThat(body.get("result").asText()).isEqualTo("created");
            assertThat(body.get("run").get("status").asText()).isEqualTo("success");
            assertThat(body.get("run").get("trigger").asText()).isEqualTo("manual");
            assertThat(body.get("run").get("referral_id").asText()).isEqualTo("r-1");
            JsonNode state = body.get("dynamics").get("state");
            assertThat(state.get("status").asText()).isEqualTo("pushed");
            assertThat(state.get("lead_id").asText())
                    .isEqualTo(api.leads.leadId("r-1").orElseThrow());
            assertThat(api.leads.leads()).containsOnlyKeys("r-1");

            var again = api.post(PUSH_ONE, "");
            assertThat(again.json().get("result").asText())
                    .as("asked by name, an unchanged referral is sent again")
                    .isEqualTo("updated");

            JsonNode detail = api.get("/api/v1/partner-center/referrals/r-1").json();
            assertThat(detail.get("dynamics").get("enabled").asBoolean()).isTrue();
            assertThat(detail.get("dynamics").get("state").get("lead_id").asText())
                    .isEqualTo(state.get("lead_id").asText());
            JsonNode runs = api.get("/api/v1/dynamics/push/runs?limit=1").json().get("items");
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).get("updated_count").asInt()).isEqualTo(1);
            String runId = runs.get(0).get("run_id").asText();
            assertThat(api.get("/api/v1/dynamics/push/runs/" + runId)
                            .json()
                            .get("run_id")
                            .asText())
                    .isEqualTo(runId);
            JsonNode lastPush = api.get("/healthz").json().get("last_push");
            assertThat(lastPush.get("run_id").asText()).isEqualTo(runId);
            assertThat(lastPush.get("status").asText()).isEqualTo("success");
            assertThat(api.get("/healthz").json().get("dynamics_enabled").asBoolean())
                    .isTrue();
        }

        @Test
        void aLeadTheCrmRefusesIsRecordedOnTheReferral() {
            api.leads.refuse("r-1");

            var refused = api.post(PUSH_ONE, "");

            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.json().get("result").asText()).isEqualTo("rejected");
            JsonNode state = refused.json().get("dynamics").get("state");
            assertThat(state.get("status").asText()).isEqualTo("failed");
            assertThat(state.get("attempts").asInt()).isEqualTo(1);
            assertThat(state.get("last_error_code").asText()).isNotBlank();
            assertThat(refused.json().get("run").get("status").asText()).isEqualTo("partial");
        }

        @Test
        void aCrmThatCannotTakeLeadsIsABadGatewayWithItsRequestId() {
            api.leads.down(new LeadDestinationException(
                    PushErrorCode.APPLICATION_USER_MISSING,
                    "Add the app as an application user in the Power Platform admin centre",
                    403,
                    "0x80072560",
                    "req-77",
                    null));

            var failed = api.post(PUSH_ONE, "");

            assertThat(failed.status()).isEqualTo(502);
            assertThat(failed.errorCode()).isEqualTo("dynamics_application_user_missing");
            assertThat(failed.errorMessage()).contains("Power Platform admin centre", "request id req-77");
        }

        @Test
        void aRunningPushMakesTheRequestWait() {
            PushRunId running = PushRunId.random();
            api.pushRuns.start(running, PushRequest.of(PushTrigger.AFTER_SYNC), Instant.now());

            var busy = api.post(PUSH_ONE, "");

            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.errorCode()).isEqualTo("dynamics_push_running");
            assertThat(busy.errorMessage()).contains(running.toString());
            assertThat(api.get("/api/v1/dynamics/push/runs")
                            .json()
                            .get("items")
                            .get(0)
                            .get("status")
                            .asText())
                    .isEqualTo("running");
        }

        @Test
        void unknownReferralsRunsAndBadParametersAreClearErrors() {
            var unknown = api.post("/api/v1/partner-center/referrals/r-404/push-to-dynamics", "");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorCode()).isEqualTo("referral_not_found");

            var noRun = api.get("/api/v1/dynamics/push/runs/" + PushRunId.random());
            assertThat(noRun.status()).isEqualTo(404);
            assertThat(noRun.errorCode()).isEqualTo("push_run_not_found");

            var badRun = api.get("/api/v1/dynamics/push/runs/not-a-uuid");
            assertThat(badRun.status()).isEqualTo(400);
            assertThat(badRun.errorCode()).isEqualTo("invalid_run_id");

            var badLimit = api.get("/api/v1/dynamics/push/runs?limit=500");
            assertThat(badLimit.status()).isEqualTo(400);
            assertThat(badLimit.errorMessage()).contains("between 1 and 100");
            assertThat(api.leads.draftsReceived()).isZero();
        }
    }
}
