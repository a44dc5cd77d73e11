package io.hunterreferrals.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.notify.DeliveryState;
import io.hunterreferrals.core.notify.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MiniUiRoutesTest {

    private final ApiFixture api = ApiFixture.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theRootAndTheSlashlessAddressLeadToThePage() {
        assertThat(api.get("/").status()).isEqualTo(302);
        assertThat(api.get("/").header("Location")).isEqualTo("/mini-ui/");
        assertThat(api.get("/mini-ui").status()).isEqualTo(301);
        assertThat(api.get("/mini-ui").header("Location")).isEqualTo("/mini-ui/");
    }

    @Test
    void thePageIsServedUnderAStrictPolicyWithoutInlineCode() {
        ApiFixture.Response page = api.get("/mini-ui/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy)
                .contains("script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        // no inline script, style element or attribute in the shell: the policy would block them
        assertThat(page.body())
                .contains("<script type=\"module\" src=\"js/main.js\"></script>")
                .doesNotContain("<style", "style=", "onclick", "javascript:");
    }

    @Test
    void assetsCarryAnEtagAndARevalidationWithItIsA304() {
        ApiFixture.Response script = api.get("/mini-ui/js/main.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(script.header("Cache-Control")).isEqualTo("no-cache");
        String etag = script.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{24}\"");

        ApiFixture.Response again = api.get("/mini-ui/js/main.js", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        assertThat(api.get("/mini-ui/app.css").header("Content-Type")).startsWith("text/css");
        assertThat(api.get("/mini-ui/app.css").header("ETag")).isNotEqualTo(etag);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/mini-ui/js/missing.js",
                "/mini-ui/..%2Fopenapi.json",
                "/mini-ui/js/..%2F..%2FHttpApi.class",
                "/mini-ui/index.html",
                "/mini-ui/Main.JS",
                "/mini-ui/a/b/c.js",
                "/mini-ui/js/main.js.map"
            })
    void onlyTheUisOwnFilesAreReachable(String path) {
        ApiFixture.Response response = api.get(path);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    @Test
    void theWorkerRoleServesNoUi() {
        try (ApiFixture worker = ApiFixture.start(HttpApi.Role.WORKER, b -> {})) {
            assertThat(worker.get("/mini-ui/").status()).isEqualTo(404);
        }
    }

    @Test
    void bothCataloguesHaveTheSameKeysAndEveryKeyTheModulesUseExists() {
        // each language's catalogue, with its notifications' part (i18n.js merges them)
        assertThat(keys(resource("i18n/notifications-tr.js"))).isEqualTo(keys(resource("i18n/notifications-en.js")));
        assertThat(keys(resource("i18n/notifications-en.js")))
                .as("the parts do not overwrite each other's keys")
                .doesNotContainAnyElementsOf(keys(resource("i18n/en.js")));
        Set<String> turkish = keys(resource("i18n/tr.js"));
        turkish.addAll(keys(resource("i18n/notifications-tr.js")));
        Set<String> english = keys(resource("i18n/en.js"));
        english.addAll(keys(resource("i18n/notifications-en.js")));
        assertThat(turkish).isEqualTo(english);
        for (String module : new String[] {
            "main",
            "leads",
            "inbox",
            "runs",
            "sync-status",
            "referral-detail",
            "referral-notifications",
            "dynamics-push",
            "quarantine",
            "referral-actions",
            "lead-picker",
            "lead-files",
            "api",
            "api-key",
            "pager",
            "table",
            "badges",
            "copy",
            "run-error",
            "format",
            "dialogs"
        }) {
            Matcher used = Pattern.compile("\\bt\\('([a-zA-Z.\\-_]+)'").matcher(resource("js/" + module + ".js"));
            while (used.find()) {
                assertThat(english)
                        .as("key %s used in %s.js", used.group(1), module)
                        .contains(used.group(1));
            }
        }
    }

    @Test
    void everyEventTypeAndChannelHasALabelInBothLanguages() {
        for (String language : new String[] {"tr", "en"}) {
            Set<String> keys = keys(resource("i18n/notifications-" + language + ".js"));
            for (EventType type : EventType.values()) {
                assertThat(keys).as(language).contains("notify.type." + type.wire());
            }
            for (DeliveryState state : DeliveryState.values()) {
                assertThat(keys).as(language).contains("notify.state." + state.code());
            }
            for (String channel : new String[] {"email", "teams", "slack", "webhook"}) {
                assertThat(keys).as(language).contains("notify.channel." + channel);
            }
        }
    }

    @Test
    void theNotificationsPutServerTextInAsTextOnly() {
        String module = resource("js/referral-notifications.js");
        assertThat(module).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "style=");
        assertThat(api.get("/mini-ui/js/referral-notifications.js").status()).isEqualTo(200);
        assertThat(api.get("/mini-ui/i18n/notifications-tr.js").status()).isEqualTo(200);
    }

    private static Set<String> keys(String catalogue) {
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s*'([^']+)':").matcher(catalogue);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static String resource(String name) {
        try (InputStream in = MiniUiRoutesTest.class.getResourceAsStream("/io/hunterreferrals/http/mini-ui/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
