package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.sync.ReferralSource.PageCursor;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.sync.SourceQuery;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import io.hunterreferrals.simulator.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole chain: MSAL sign-in, then the Referrals client with MSAL's silent tokens, including the 401 path. */
class SignedInSyncTest {

    private static final SourceQuery FULL = new SourceQuery(List.of(), Optional.empty());

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
        NoSecretsInLogs.assertClean();
    }

    private PartnerCenterReferralSource source(PartnerCenterAuth auth, Simulated.RecordingListener listener) {
        return PartnerCenterReferralSource.builder(Simulated.apiConfig(sim), auth.tokenSource())
                .sleeper(new Simulated.RecordingSleeper())
                .listener(listener)
                .build();
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallRepeated() {
        sim = PartnerCenterSimulator.builder()
                .referrals(250)
                .pollIntervalSeconds(0)
                .build()
                .start();
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));
        Simulated.signIn(auth, sim);
        Simulated.RecordingListener listener = new Simulated.RecordingListener();
        PageCursor cursor = source(auth, listener).open(FULL);
        assertThat(cursor.nextPage()).isPresent();

        // The server revokes the 1-hour token; MSAL's cache still thinks it is good.
        sim.identity().expireAllAccessTokens();
        assertThat(cursor.nextPage()).isPresent();
        assertThat(cursor.nextPage()).isPresent();
        assertThat(cursor.nextPage()).isEmpty();

        assertThat(listener.retries).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(RetryReason.TOKEN_REJECTED);
            assertThat(e.httpStatus()).hasValue(401);
        });
        List<RecordedRequest> refreshes = sim.journal().tokenRequests().stream()
                .filter(r -> r.formParam("grant_type").orElse("").equals("refresh_token"))
                .toList();
        assertThat(refreshes).hasSize(1);
        assertThat(sim.journal().referralRequests()).hasSize(4); // page 1, page 2 (401), page 2 again, page 3
    }

    @Test
    void aTokenRejectedEvenAfterRefreshMeansSignInRequired() {
        sim = PartnerCenterSimulator.builder()
                .referrals(5)
                .pollIntervalSeconds(0)
                .accessTokenLifetime(Duration.ofSeconds(1))
                .build()
                .start();
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));
        Simulated.signIn(auth, sim);
        // Every token the simulator issues is dead on arrival once a second has passed; use a stale one twice.
        String stale = auth.tokenSource().accessToken(false);
        sim.identity().expireAllAccessTokens();
        PartnerCenterReferralSource source = PartnerCenterReferralSource.builder(
                        Simulated.apiConfig(sim), force -> stale)
                .sleeper(new Simulated.RecordingSleeper())
                .build();

        assertThatThrownBy(() -> source.open(FULL).nextPage())
                .isInstanceOfSatisfying(ReferralSourceException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SourceFailure.SIGN_IN_REQUIRED);
                    assertThat(e.httpStatus()).hasValue(401);
                    assertThat(e.errorCode()).hasValue("unauthenticated");
                    assertThat(e.getMessage()).contains("hunter auth login");
                });
        assertThat(sim.journal().referralRequests()).hasSize(2);
    }

    @Test
    void aRevokedSignInStopsTheSyncWithSignInRequired() {
        sim = PartnerCenterSimulator.builder()
                .referrals(5)
                .pollIntervalSeconds(0)
                .accessTokenLifetime(Duration.ofSeconds(60))
                .build()
                .start();
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));
        Simulated.signIn(auth, sim);
        sim.identity().revokeAllRefreshTokens();

        assertThatThrownBy(() -> source(auth, new Simulated.RecordingListener())
                        .open(FULL)
                        .nextPage())
                .isInstanceOfSatisfying(
                        ReferralSourceException.class,
                        e -> assertThat(e.failure()).isEqualTo(SourceFailure.SIGN_IN_REQUIRED));
        assertThat(sim.journal().referralRequests()).isEmpty();
    }
}
