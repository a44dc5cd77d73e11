package io.hunterreferrals.http;

import static io.hunterreferrals.core.testing.TestReferrals.aReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

    @Test
    void healthSaysWhetherPartnerCenterIsEnabledAsTheRunbookReadsIt() {
        try (ApiFixture api = ApiFixture.start()) {
            // curl http://localhost:8000/healthz | jq '.partner_center_enabled'
            JsonNode health = api.get("/healthz").json();
            assertThat(health.get("partner_center_enabled").isBoolean()).isTrue();
            assertThat(health.get("partner_center_enabled").asBoolean()).isTrue();
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("database").asText()).isEqualTo("connected");
            assertThat(health.get("auth").asText()).isEqualTo("ok");
            assertThat(health.get("version").asText()).isEqualTo("1.2.3-test");
            assertThat(health.get("commit").asText()).isEqualTo("0123456789ab");
            assertThat(health.get("simulated").asBoolean()).isFalse();
            assertThat(health.get("last_sync").isNull()).isTrue();

            api.partnerCenterEnabled.set(false);
            api.health.auth = PartnerCenterAuthState.SIGN_IN_REQUIRED;
            api.health.simulated = true;
            JsonNode off = api.get("/healthz").json();
            assertThat(off.get("partner_center_enabled").asBoolean()).isFalse();
            assertThat(off.get("auth").asText()).isEqualTo("sign_in_required");
            assertThat(off.get("simulated").asBoolean()).isTrue();
        }
    }

    @Test
    void healthShowsTheLastFinishedSync() {
        try (ApiFixture api = ApiFixture.start()) {
            api.withReferrals(aReferral("r-1").build(), aReferral("r-2").build());

            JsonNode lastSync = api.get("/healthz").json().get("last_sync");

            assertThat(lastSync.get("status").asText()).isEqualTo("succeeded");
            assertThat(lastSync.get("success_count").asInt()).isEqualTo(2);
            assertThat(lastSync.get("finished_at").asText()).isNotEmpty();
            assertThat(lastSync.get("task_id").asText()).hasSize(36);
        }
    }

    @Test
    void readinessIs503WhileTheDatabaseIsDownAndHealthDegrades() {
        try (ApiFixture api = ApiFixture.start()) {
            assertThat(api.get("/healthz/ready").status()).isEqualTo(200);

            api.health.databaseUp = false;
            ApiFixture.Response ready = api.get("/healthz/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("status").asText()).isEqualTo("not_ready");
            ApiFixture.Response health = api.get("/healthz");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("degraded");
            assertThat(health.json().get("database").asText()).isEqualTo("disconnected");
            assertThat(api.get("/healthz/live").json().get("status").asText()).isEqualTo("alive");

            api.health.databaseUp = true;
            assertThat(api.get("/healthz/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void metricsAreThePrometheusTextTheAppSupplies() {
        try (ApiFixture api = ApiFixture.start()) {
            ApiFixture.Response metrics = api.get("/metrics");

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");
            assertThat(metrics.body()).contains("hunter_up 1");
        }
    }

    @Test
    void aWorkerServesOnlyHealthAndMetrics() {
        try (ApiFixture worker = ApiFixture.start(HttpApi.Role.WORKER, b -> {})) {
            assertThat(worker.get("/healthz").status()).isEqualTo(200);
            assertThat(worker.get("/healthz/ready").status()).isEqualTo(200);
            assertThat(worker.get("/metrics").status()).isEqualTo(200);
            assertThat(worker.get("/api/v1/leads").status()).isEqualTo(404);
            assertThat(worker.post("/api/referrals/sync", "{}").status()).isEqualTo(404);
            assertThat(worker.get("/docs").status()).isEqualTo(404);
        }
    }

    @Test
    void aWorkerNeedsOnlyHealthFlagAndMetricsButTheApiNeedsEveryPort() {
        HttpApi.Builder minimal = HttpApi.builder()
                .health(new ApiFixture.FakeHealth())
                .partnerCenterEnabled(() -> true)
                .metrics(() -> "");

        assertThat(minimal.build(HttpApi.Role.WORKER)).isNotNull();
        assertThatThrownBy(() -> minimal.build(HttpApi.Role.API))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requestSync");
    }
}
