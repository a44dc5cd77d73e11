package io.hunterreferrals.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryState;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.sync.SyncErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenApiTest {

    private static final Set<String> OPEN = Set.of(
            "/healthz",
            "/healthz/live",
            "/healthz/ready",
            "/metrics",
            "/openapi.json",
            "/docs",
            "/docs/{asset}",
            "/",
            "/mini-ui/",
            "/mini-ui/{asset}",
            "/mini-ui/{folder}/{asset}",
            // signed by Partner Center instead of a key
            WebhookRoutes.PATH);

    private final ApiFixture api = ApiFixture.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theDocumentCoversEveryRegisteredRouteAndNothingElse() {
        JsonNode document = api.get("/openapi.json").json();
        assertThat(document.get("openapi").asText()).startsWith("3.1");

        assertThat(documented(document)).isEqualTo(registered());
    }

    @Test
    void apiRoutesRequireAKeyInTheDocumentAndOpenOnesDoNot() {
        JsonNode paths = api.get("/openapi.json").json().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            path.getValue().forEach(operation -> {
                boolean secured = !operation.get("security").isEmpty();
                assertThat(secured).as(path.getKey()).isEqualTo(!OPEN.contains(path.getKey()));
                assertThat(operation.get("operationId").asText())
                        .as(path.getKey())
                        .isNotBlank();
                assertThat(operation.get("responses").size()).as(path.getKey()).isPositive();
            });
        }
    }

    @Test
    void theDocumentedSyncErrorCodesAreExactlyCoresClosedList() {
        JsonNode codes = api.get("/openapi.json").json().at("/components/schemas/SyncErrorCode/enum");
        Set<String> documented = new TreeSet<>();
        codes.forEach(code -> documented.add(code.asText()));

        assertThat(documented)
                .isEqualTo(Arrays.stream(SyncErrorCode.values())
                        .map(SyncErrorCode::code)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theDocumentedNotificationListsAreExactlyCoresClosedLists() {
        JsonNode schemas = api.get("/openapi.json").json().get("components").get("schemas");

        assertThat(enumOf(schemas.get("EventType")))
                .as("every event type an event can have (notification.test is never stored)")
                .isEqualTo(Arrays.stream(EventType.values())
                        .filter(type -> type != EventType.TEST)
                        .map(EventType::wire)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(enumOf(schemas.get("DeliveryState")))
                .isEqualTo(Arrays.stream(DeliveryState.values())
                        .map(DeliveryState::code)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(enumOf(schemas.get("DeliveryErrorCode")))
                .isEqualTo(Arrays.stream(DeliveryErrorCode.values())
                        .map(DeliveryErrorCode::code)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everySchemaReferenceResolves() {
        JsonNode document = api.get("/openapi.json").json();
        Set<String> refs = new TreeSet<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            String[] parts = ref.substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            assertThat(target.isMissingNode()).as(ref).isFalse();
        });
    }

    @Test
    void swaggerUiIsServedFromTheWebjarWithoutACdn() {
        ApiFixture.Response page = api.get("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains("/docs/swagger-ui-bundle.js", "/docs/docs-init.js")
                .doesNotContain("https://");

        ApiFixture.Response bundle = api.get("/docs/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("Content-Type")).startsWith("text/javascript");
        assertThat(bundle.bytes().length).isGreaterThan(100_000);
        assertThat(api.get("/docs/swagger-ui.css").status()).isEqualTo(200);
        assertThat(api.get("/docs/docs-init.js").body()).contains("/openapi.json");

        ApiFixture.Response other = api.get("/docs/pom.properties");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.errorCode()).isEqualTo("not_found");
    }

    private static Set<String> enumOf(JsonNode schema) {
        Set<String> values = new TreeSet<>();
        schema.get("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    private Set<String> registered() {
        Set<String> routes = new TreeSet<>();
        api.app.unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            if (parsed.endpoint.method.isHttpMethod()) {
                routes.add(parsed.endpoint.method.name().toUpperCase(Locale.ROOT) + " " + parsed.endpoint.path);
            }
        });
        return routes;
    }

    private static Set<String> documented(JsonNode document) {
        Set<String> routes = new TreeSet<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return routes;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
