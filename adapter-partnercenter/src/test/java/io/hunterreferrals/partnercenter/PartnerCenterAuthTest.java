package io.hunterreferrals.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.simulator.Canary;
import io.hunterreferrals.simulator.PartnerCenterSimulator;
import io.hunterreferrals.simulator.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real MSAL4J against the simulated Entra ID: device code, file cache, silent refresh, revocation, logout. */
class PartnerCenterAuthTest {

    @TempDir
    Path dir;

    private PartnerCenterSimulator sim;
    private final List<String> userCodes = new ArrayList<>();

    private PartnerCenterSimulator start(PartnerCenterSimulator.Builder builder) {
        sim = builder.referrals(5).pollIntervalSeconds(0).build().start();
        return sim;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        NoSecretsInLogs.assertClean(userCodes.toArray(String[]::new));
    }

    private SignInResult signIn(PartnerCenterAuth auth) {
        return auth.signIn(prompt -> {
            userCodes.add(prompt.userCode());
            sim.identity().approve(prompt.userCode());
        });
    }

    @Test
    void deviceCodeSignInWritesAnOwnerOnlyCacheAndReturnsOnlyNonSecretFacts() throws Exception {
        start(PartnerCenterSimulator.builder());
        Path cache = dir.resolve("state/auth/.token_cache");
        PartnerCenterAuth auth = Simulated.auth(sim, cache);
        AtomicReference<DeviceCodePrompt> shown = new AtomicReference<>();

        SignInResult result = auth.signIn(prompt -> {
            shown.set(prompt);
            userCodes.add(prompt.userCode());
            sim.identity().approve(prompt.userCode());
        });

        assertThat(shown.get().verificationUri().toString()).isEqualTo(sim.baseUrl() + "/devicelogin");
        assertThat(shown.get().message()).contains(shown.get().userCode());
        assertThat(shown.get().expiresAt()).isAfter(Instant.now());
        assertThat(shown.get().toString()).doesNotContain(shown.get().userCode());

        assertThat(result.username()).isEqualTo(Canary.OPERATOR_EMAIL);
        assertThat(result.accessTokenExpiresAt()).isAfter(Instant.now().plusSeconds(3000));
        assertThat(result.scopes()).contains(PartnerCenterSimulator.PARTNER_CENTER_SCOPE);
        assertThat(result.tokenType()).isEqualTo("Bearer");
        assertThat(result.toString()).doesNotContain(Canary.OPERATOR_EMAIL);

        assertThat(cache).isRegularFile();
        assertThat(Files.getPosixFilePermissions(cache)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(cache.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("state")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(cache)).contains(Canary.REFRESH_TOKEN_PREFIX);
        // no temp files left next to the cache
        try (var files = Files.list(cache.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsOnly(".token_cache", ".token_cache.lock");
        }
        // MSAL only ever talked to the simulated tenant: no instance discovery, nothing else
        assertThat(sim.journal().all())
                .extracting(RecordedRequest::path)
                .allMatch(p -> p.startsWith("/" + sim.identity().tenantId() + "/oauth2/v2.0/"));
    }

    @Test
    void aNewApplicationInstanceAcquiresSilentlyFromTheFile() {
        start(PartnerCenterSimulator.builder());
        Path cache = dir.resolve(".token_cache");
        String client = "client-silent";
        String host = "login-silent.simulator.test";
        signIn(Simulated.auth(sim, cache, client, host));
        int tokenCalls = sim.journal().tokenRequests().size();

        PartnerCenterAuth fresh = Simulated.auth(sim, cache, client, host);
        String token = fresh.tokenSource().accessToken(false);

        assertThat(token).startsWith(Canary.ACCESS_TOKEN_PREFIX);
        assertThat(sim.journal().tokenRequests()).hasSize(tokenCalls); // served from the file, no IdP call
        AuthStatus status = fresh.status();
        assertThat(status).isInstanceOf(AuthStatus.SignedIn.class);
        AuthStatus.SignedIn in = (AuthStatus.SignedIn) status;
        assertThat(in.username()).isEqualTo(Canary.OPERATOR_EMAIL);
        assertThat(in.accessTokenExpiresAt())
                .hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now()));
        assertThat(in.refreshTokenPresent()).isTrue();
        assertThat(in.toString()).doesNotContain(Canary.OPERATOR_EMAIL);
    }

    @Test
    void shortLivedTokensAreRefreshedSilentlyAndTheCacheRewritten() throws Exception {
        start(PartnerCenterSimulator.builder().accessTokenLifetime(Duration.ofSeconds(60)));
        Path cache = dir.resolve(".token_cache");
        PartnerCenterAuth auth = Simulated.auth(sim, cache);
        signIn(auth);
        String before = Files.readString(cache);

        String token = auth.tokenSource().accessToken(false);

        assertThat(sim.journal().tokenRequests())
                .anySatisfy(r -> assertThat(r.formParam("grant_type")).hasValue("refresh_token"));
        assertThat(token).startsWith(Canary.ACCESS_TOKEN_PREFIX);
        assertThat(Files.readString(cache)).isNotEqualTo(before).contains(token);
        assertThat(Files.getPosixFilePermissions(cache)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aRevokedRefreshTokenMeansSignInRequired() {
        start(PartnerCenterSimulator.builder().accessTokenLifetime(Duration.ofSeconds(60)));
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));
        signIn(auth);
        sim.identity().revokeAllRefreshTokens();

        assertThatThrownBy(() -> auth.tokenSource().accessToken(false))
                .isInstanceOfSatisfying(ReferralSourceException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SourceFailure.SIGN_IN_REQUIRED);
                    assertThat(e.getMessage()).contains("hunter auth login");
                    assertThat(e.errorCode()).hasValue("invalid_grant");
                });
    }

    @Test
    void noCacheMeansSignInRequired() {
        start(PartnerCenterSimulator.builder());
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));

        assertThat(auth.status()).isInstanceOf(AuthStatus.SignedOut.class);
        assertThat(((AuthStatus.SignedOut) auth.status()).reason()).contains("hunter auth login");
        assertThatThrownBy(() -> auth.tokenSource().accessToken(false))
                .isInstanceOfSatisfying(ReferralSourceException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SourceFailure.SIGN_IN_REQUIRED);
                    assertThat(e.getMessage()).contains("hunter auth login");
                });
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void aCorruptCacheIsReportedAndNeverReplaced() throws Exception {
        start(PartnerCenterSimulator.builder());
        Path cache = dir.resolve(".token_cache");
        String garbage = "{\"AccessToken\": {\"broken\"";
        Files.writeString(cache, garbage, StandardCharsets.UTF_8);
        PartnerCenterAuth auth = Simulated.auth(sim, cache);

        AuthStatus status = auth.status();
        assertThat(status).isInstanceOfSatisfying(AuthStatus.CacheUnreadable.class, s -> {
            assertThat(s.message())
                    .contains(cache.toString())
                    .contains("hunter auth logout")
                    .contains("hunter auth login");
        });
        assertThatThrownBy(() -> auth.tokenSource().accessToken(false))
                .isInstanceOfSatisfying(ReferralSourceException.class, e -> {
                    assertThat(e.failure()).isEqualTo(SourceFailure.SIGN_IN_REQUIRED);
                    assertThat(e.errorCode()).hasValue("token_cache_unreadable");
                    assertThat(e.getMessage()).contains(cache.toString()).contains("hunter auth logout");
                });
        assertThatThrownBy(() -> signIn(auth))
                .isInstanceOfSatisfying(
                        AuthException.class, e -> assertThat(e.failure()).isEqualTo(AuthFailure.CACHE_UNREADABLE));

        assertThat(Files.readString(cache)).isEqualTo(garbage);
        assertThat(sim.journal().size()).isZero(); // refused before any device code was requested

        assertThat(auth.logout()).isTrue(); // the documented fix works
        assertThat(cache).doesNotExist();
    }

    @Test
    void logoutDeletesTheCacheAndForgetsTheTokens() {
        start(PartnerCenterSimulator.builder());
        Path cache = dir.resolve(".token_cache");
        PartnerCenterAuth auth = Simulated.auth(sim, cache);
        signIn(auth);
        assertThat(auth.tokenSource().accessToken(false)).isNotBlank();

        assertThat(auth.logout()).isTrue();

        assertThat(cache).doesNotExist();
        assertThat(auth.status()).isInstanceOf(AuthStatus.SignedOut.class);
        // the same instance must not keep using what MSAL still had in memory
        assertThatThrownBy(() -> auth.tokenSource().accessToken(false))
                .isInstanceOfSatisfying(
                        ReferralSourceException.class,
                        e -> assertThat(e.failure()).isEqualTo(SourceFailure.SIGN_IN_REQUIRED));
        assertThat(cache).doesNotExist();
        assertThat(auth.logout()).isFalse();
    }

    @Test
    void aDeclinedSignInIsATypedError() {
        start(PartnerCenterSimulator.builder());
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));

        assertThatThrownBy(() -> auth.signIn(prompt -> sim.identity().decline(prompt.userCode())))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.DECLINED);
                    assertThat(e.getMessage()).contains("hunter auth login");
                });
        assertThat(dir.resolve(".token_cache")).doesNotExist();
    }

    @Test
    void anExpiredDeviceCodeIsATypedError() {
        start(PartnerCenterSimulator.builder().deviceCodeLifetime(Duration.ofSeconds(1)));
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));

        assertThatThrownBy(() -> auth.signIn(prompt -> userCodes.add(prompt.userCode())))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.failure()).isEqualTo(AuthFailure.CODE_EXPIRED);
                    assertThat(e.getMessage()).contains("expired");
                });
    }

    @Test
    void aSignInCanBeCancelled() throws Exception {
        start(PartnerCenterSimulator.builder());
        PartnerCenterAuth auth = Simulated.auth(sim, dir.resolve(".token_cache"));
        CompletableFuture<DeviceCodePrompt> shown = new CompletableFuture<>();

        CompletableFuture<SignInResult> running = auth.signInAsync(shown::complete);
        userCodes.add(shown.get().userCode());
        running.cancel(true);

        assertThat(running).isCancelled();
        assertThat(dir.resolve(".token_cache")).doesNotExist();
    }

    @Test
    void twoInstancesSharingTheFileRefreshConcurrentlyWithoutCorruptingIt() throws Exception {
        start(PartnerCenterSimulator.builder().accessTokenLifetime(Duration.ofSeconds(60)));
        Path cache = dir.resolve(".token_cache");
        String client = "client-shared";
        String host = "login-shared.simulator.test";
        signIn(Simulated.auth(sim, cache, client, host));
        PartnerCenterAuth a = Simulated.auth(sim, cache, client, host);
        PartnerCenterAuth b = Simulated.auth(sim, cache, client, host);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                PartnerCenterAuth which = i % 2 == 0 ? a : b;
                calls.add(pool.submit(() -> which.tokenSource().accessToken(false)));
            }
            for (Future<String> call : calls) {
                assertThat(call.get()).startsWith(Canary.ACCESS_TOKEN_PREFIX);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.status()).isInstanceOf(AuthStatus.SignedIn.class);
        assertThat(Files.getPosixFilePermissions(cache)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
