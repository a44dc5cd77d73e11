package io.hunterreferrals.partnercenter;

import io.hunterreferrals.simulator.PartnerCenterSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Wiring shared by the tests: MSAL routed to the simulator, fast retry settings, a sleeper that only records. */
final class Simulated {

    private Simulated() {}

    /**
     * A sign-in against the simulator. Each call uses its own client id and authority host, because MSAL keeps some
     * caches (throttling, invalid_grant) JVM-wide and they would leak between tests otherwise.
     */
    static PartnerCenterAuth auth(PartnerCenterSimulator sim, Path cacheFile) {
        String unique = UUID.randomUUID().toString();
        return auth(sim, cacheFile, "client-" + unique, "login-" + unique.substring(0, 8) + ".simulator.test");
    }

    static PartnerCenterAuth auth(PartnerCenterSimulator sim, Path cacheFile, String clientId, String host) {
        return PartnerCenterAuth.create(
                authConfig(sim, cacheFile, clientId, host),
                LoopbackRoutingHttpClient.forAuthority(URI.create("https://" + host + "/"), sim.baseUri()));
    }

    static PartnerCenterAuthConfig authConfig(
            PartnerCenterSimulator sim, Path cacheFile, String clientId, String host) {
        return PartnerCenterAuthConfig.of(clientId, sim.identity().tenantId())
                .withAuthority(
                        URI.create("https://" + host + "/" + sim.identity().tenantId()))
                .withTokenCachePath(cacheFile)
                .withMsalTimeout(Duration.ofSeconds(20));
    }

    /** Signs in, approving the code as the operator would on the verification page. */
    static SignInResult signIn(PartnerCenterAuth auth, PartnerCenterSimulator sim) {
        return auth.signIn(prompt -> sim.identity().approve(prompt.userCode()));
    }

    static ReferralsApiConfig apiConfig(PartnerCenterSimulator sim) {
        return ReferralsApiConfig.DEFAULTS
                .withApiUrl(sim.baseUri())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRetry(RetrySettings.DEFAULTS
                        .withMaxAttempts(4)
                        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)));
    }

    /** Records waits instead of sleeping, so retry tests take milliseconds. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    static final class RecordingListener implements PartnerCenterListener {
        final List<RetryEvent> retries = Collections.synchronizedList(new ArrayList<>());
        final List<PageEvent> pages = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onRetry(RetryEvent event) {
            retries.add(event);
        }

        @Override
        public void onPage(PageEvent event) {
            pages.add(event);
        }
    }
}
