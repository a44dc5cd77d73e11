package io.hunterreferrals.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecurityTest {

    private final ApiFixture api = ApiFixture.start(
            HttpApi.Role.API, b -> b.apiKeys(ApiKeys.fromSetting("old-key-0123456789abcdef, " + ApiFixture.KEY)));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void everyRegisteredApiRouteRefusesARequestWithoutAKeyAndAnswersEveryOneWithTheHeaders() {
        List<String> apiRoutes = new java.util.ArrayList<>();
        api.app.unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            if (parsed.endpoint.method.isHttpMethod() && parsed.endpoint.path.startsWith("/api/")) {
                apiRoutes.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path);
            }
        });
        assertThat(apiRoutes).hasSizeGreaterThan(15);
        // The one exception: Partner Center cannot send a key, so its webhook call is signed instead
        // (WebhookRoutesTest; its signature checks in adapter-partnercenter).
        assertThat(apiRoutes.remove("POST " + WebhookRoutes.PATH)).isTrue();
        for (String route : apiRoutes) {
            String[] parts = route.split(" ", 2);
            String path = parts[1].replaceAll("\\{[^}]+}", "x1");
            ApiFixture.Response response = api.send(parts[0], path);
            assertThat(response.status()).as(route).isEqualTo(401);
            assertThat(response.errorCode()).as(route).isEqualTo("unauthorized");
            assertThat(response.header("X-Content-Type-Options")).as(route).isEqualTo("nosniff");
            assertThat(response.header("Content-Security-Policy")).as(route).contains("default-src 'none'");
        }
    }

    @Test
    void anApiRequestWithoutAKeyIs401WithAJsonError() {
        ApiFixture.Response response = api.get("/api/v1/partner-center/referrals");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("unauthorized");
        assertThat(response.errorMessage()).contains("Authorization: Bearer", "X-API-Key");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aWrongKeyIs401() {
        assertThat(api.get("/api/v1/leads", "X-API-Key", "wrong-key-0123456789abcdef")
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/leads", "Authorization", "Bearer wrong-key-0123456789abcdef")
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/leads", "Authorization", "Basic " + ApiFixture.KEY)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theKeyIsAcceptedAsBearerOrAsXApiKeyAndEveryConfiguredKeyWorks() {
        assertThat(api.get("/api/v1/leads", "Authorization", "Bearer " + ApiFixture.KEY)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/leads", "Authorization", "bearer " + ApiFixture.KEY)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/leads", "X-API-Key", ApiFixture.KEY).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/leads", "X-API-Key", "old-key-0123456789abcdef")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theRunbooksSyncCallNeedsTheKeyToo() {
        assertThat(api.post("/api/referrals/sync", "{}").status()).isEqualTo(401);
        assertThat(api.post("/api/referrals/sync", "{}", "X-API-Key", ApiFixture.KEY)
                        .status())
                .isEqualTo(202);
        assertThat(api.dispatcher.dispatched()).hasSize(1);
    }

    @Test
    void unknownApiPathsAreRefusedBeforeTheyAreLookedUp() {
        assertThat(api.get("/api/v1/secret-route").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/secret-route", "X-API-Key", ApiFixture.KEY).status())
                .isEqualTo(404);
    }

    @Test
    void healthMetricsAndDocsStayOpen() {
        for (String path :
                List.of("/healthz", "/healthz/live", "/healthz/ready", "/metrics", "/openapi.json", "/docs")) {
            assertThat(api.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (ApiFixture.Response response : List.of(
                api.get("/healthz"),
                api.get("/api/v1/leads"),
                api.get("/nowhere"),
                api.get("/api/v1/leads", "X-API-Key", ApiFixture.KEY))) {
            assertThat(response.header("Content-Security-Policy"))
                    .as(response.toString())
                    .contains("default-src 'none'", "frame-ancestors 'none'");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("X-Request-Id")).isNotBlank();
        }
    }

    @Test
    void onlyTheDocsPageMayRunItsOwnScripts() {
        assertThat(api.get("/docs").header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-eval");
        assertThat(api.get("/healthz").header("Content-Security-Policy")).doesNotContain("script-src");
    }

    @Test
    void aSaneIncomingRequestIdIsKeptAndAnythingElseReplaced() {
        assertThat(api.get("/healthz", "X-Request-Id", "lb-7f3a.42").header("X-Request-Id"))
                .isEqualTo("lb-7f3a.42");

        String replaced =
                api.get("/healthz", "X-Request-Id", "evil id\" injected=1").header("X-Request-Id");
        assertThat(replaced).doesNotContain("evil").matches("[0-9a-f-]{36}");
        assertThat(api.get("/healthz", "X-Request-Id", "x".repeat(300)).header("X-Request-Id"))
                .hasSize(36);
    }

    @Test
    void apiKeysMustBeLongEnough() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiKeys.fromSetting("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16");
        assertThat(ApiKeys.fromSetting("  ").required()).isFalse();
        assertThat(ApiKeys.fromSetting(ApiFixture.KEY).toString()).doesNotContain(ApiFixture.KEY);
    }
}
