package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackRoutingHttpClientTest {

    @Test
    void plainHttpTargetsMustBeLoopback() {
        assertThatThrownBy(() -> new LoopbackRoutingHttpClient("login.sim.test", URI.create("http://example.com:8080")))
                .isInstanceOf(IllegalArgumentException.class);
        new LoopbackRoutingHttpClient("login.sim.test", URI.create("http://127.0.0.1:8080"));
        new LoopbackRoutingHttpClient("login.sim.test", URI.create("http://localhost:8080"));
        new LoopbackRoutingHttpClient("login.sim.test", URI.create("https://sim.internal:8443"));
    }

    @Test
    void otherHostsAreRefusedSoNothingReachesTheRealEntraId() throws Exception {
        // HttpRequest's constructors are package-private in MSAL; a real refusal is exercised through MSAL below.
        PartnerCenterAuthConfig config = PartnerCenterAuthConfig.of("client-refuse", "tenant")
                .withAuthority(URI.create("https://login.microsoftonline.com/tenant"))
                .withTokenCachePath(
                        java.nio.file.Files.createTempDirectory("refuse").resolve("c"));
        PartnerCenterAuth auth = PartnerCenterAuth.create(
                config, new LoopbackRoutingHttpClient("login.sim.test", URI.create("http://127.0.0.1:9")));

        assertThatThrownBy(() -> auth.signIn(prompt -> {}))
                .isInstanceOf(AuthException.class)
                .hasRootCauseInstanceOf(IOException.class);
    }
}
