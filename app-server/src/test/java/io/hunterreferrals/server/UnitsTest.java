package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.http.PartnerCenterAuthState;
import io.hunterreferrals.partnercenter.AuthStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small decisions: auth state from the token cache, task data, command-line options. */
class UnitsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Path CACHE = Path.of("/tmp/cache");

    @Test
    void authStateNeedsARefreshTokenOrAnUnexpiredAccessToken() {
        assertThat(AuthStates.of(Optional.empty(), NOW)).isEqualTo(PartnerCenterAuthState.NOT_CONFIGURED);
        assertThat(AuthStates.of(new AuthStatus.SignedIn(CACHE, "a@b.c", Optional.empty(), true), NOW))
                .isEqualTo(PartnerCenterAuthState.OK);
        assertThat(AuthStates.of(
                        new AuthStatus.SignedIn(
                                CACHE, "a@b.c", Optional.of(Instant.parse("2026-01-01T01:00:00Z")), false),
                        NOW))
                .isEqualTo(PartnerCenterAuthState.OK);
        assertThat(AuthStates.of(
                        new AuthStatus.SignedIn(
                                CACHE, "a@b.c", Optional.of(Instant.parse("2025-12-31T23:00:00Z")), false),
                        NOW))
                .isEqualTo(PartnerCenterAuthState.SIGN_IN_REQUIRED);
        assertThat(AuthStates.of(new AuthStatus.SignedOut(CACHE, "no cache"), NOW))
                .isEqualTo(PartnerCenterAuthState.SIGN_IN_REQUIRED);
        assertThat(AuthStates.of(new AuthStatus.CacheUnreadable(CACHE, "bad"), NOW))
                .isEqualTo(PartnerCenterAuthState.SIGN_IN_REQUIRED);
    }

    @Test
    void queuedSyncDataRoundTripsAsText() {
        QueuedSync queued = new QueuedSync(SyncTrigger.MANUAL, SyncMode.FULL);
        assertThat(queued.encode()).isEqualTo("manual/full");
        assertThat(QueuedSync.decode("manual/full")).isEqualTo(queued);
        assertThat(QueuedSync.decode("garbage")).isEqualTo(new QueuedSync(SyncTrigger.MANUAL, SyncMode.INCREMENTAL));
        assertThat(new TextSerializer().deserialize(String.class, new TextSerializer().serialize("manual/full")))
                .isEqualTo("manual/full");
    }

    @Test
    void optionsParseRoleAndDemo() {
        assertThat(ServerMain.parse(new String[0])).isEqualTo(new ServerOptions(ServerRole.ALL, false));
        assertThat(ServerMain.parse(new String[] {"--role", "worker", "--demo"}))
                .isEqualTo(new ServerOptions(ServerRole.WORKER, true));
        assertThat(ServerMain.parse(new String[] {"--role=API"})).isEqualTo(new ServerOptions(ServerRole.API, false));
        assertThatThrownBy(() -> ServerMain.parse(new String[] {"--role", "beat"}))
                .hasMessageContaining("all, api or worker");
    }
}
