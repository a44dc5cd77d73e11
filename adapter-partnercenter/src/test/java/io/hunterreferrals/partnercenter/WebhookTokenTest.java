package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.simulator.Canary;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import io.hunterreferrals.simulator.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook API's token: a second scope redeemed silently from the one device-code sign-in, no second sign-in. */
class WebhookTokenTest {

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder()
                .referrals(1)
                .pollIntervalSeconds(0)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
        NoSecretsInLogs.assertClean();
    }

    private List<RecordedRequest> tokenCalls(String grant) {
        return sim.journal().tokenRequests().stream()
                .filter(r -> r.formParam("grant_type").orElse("").equals(grant))
                .toList();
    }

    @Test
    void theWebhookScopeIsRedeemedFromTheSameSignInAndCached() {
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));
        Simulated.signIn(auth, sim);

        String webhook = auth.webhookTokenSource().accessToken(false);
        String again = auth.webhookTokenSource().accessToken(false);
        String referrals = auth.tokenSource().accessToken(false);

        assertThat(webhook)
                .startsWith(Canary.ACCESS_TOKEN_PREFIX)
                .isEqualTo(again)
                .isNotEqualTo(referrals);
        assertThat(tokenCalls("device_code")).hasSize(1); // no second interactive sign-in
        assertThat(tokenCalls("refresh_token"))
                .singleElement()
                .satisfies(r -> assertThat(r.formParam("scope"))
                        .hasValueSatisfying(s -> assertThat(s).contains(PartnerCenterAuthConfig.WEBHOOK_SCOPE)));
    }

    @Test
    void withoutASignInTheWebhookTokenIsSignInRequired() {
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));

        assertThatThrownBy(() -> auth.webhookTokenSource().accessToken(false))
                .isInstanceOfSatisfying(
                        ReferralSourceException.class,
                        e -> assertThat(e.failure()).isEqualTo(SourceFailure.SIGN_IN_REQUIRED));
    }

    @Test
    void aRevokedSignInLosesTheWebhookTokenToo() {
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));
        Simulated.signIn(auth, sim);
        sim.identity().revokeAllRefreshTokens();

        assertThatThrownBy(() -> auth.webhookTokenSource().accessToken(false))
                .isInstanceOfSatisfying(
                        ReferralSourceException.class,
                        e -> assertThat(e.failure()).isEqualTo(SourceFailure.SIGN_IN_REQUIRED));
    }
}
