package io.hunterreferrals.partnercenter;

import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.PublicClientApplication;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partner Center sign-in for the CLI and the server: device-code login, status, logout, and the silent token source the
 * Referrals client uses. One instance per process is enough; it is thread-safe.
 *
 * <pre>{@code
 * PartnerCenterAuth auth = PartnerCenterAuth.create(PartnerCenterAuthConfig.of(clientId, tenantId));
 * SignInResult who = auth.signIn(prompt -> System.out.println(prompt.message()));
 * ReferralSource source = PartnerCenterReferralSource.builder(ReferralsApiConfig.DEFAULTS, auth.tokenSource()).build();
 * }</pre>
 */
public final class PartnerCenterAuth {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerCenterAuth.class);

    private final PartnerCenterAuthConfig config;
    private final TokenCacheFile cache;
    private final Supplier<PublicClientApplication> apps;
    private final DeviceCodeSignIn deviceCode;
    private final MsalAccessTokens tokens;
    private final MsalAccessTokens webhookTokens;

    private PartnerCenterAuth(PartnerCenterAuthConfig config, Optional<IHttpClient> routing, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.cache = new TokenCacheFile(config.tokenCachePath());
        // A fresh MSAL application per operation: MSAL's in-memory cache only ever merges what it loads, so a
        // long-lived
        // instance would keep serving (and write back) tokens after another process logged out. Building one is cheap
        // (no network; instance-discovery results are cached JVM-wide), and this way memory always equals the file.
        this.apps = () -> MsalApplications.build(config, cache, routing);
        apps.get(); // fail fast on a configuration MSAL rejects
        this.deviceCode = new DeviceCodeSignIn(config, cache, clock);
        this.tokens = new MsalAccessTokens(config, config.scope(), apps, cache);
        this.webhookTokens = new MsalAccessTokens(config, PartnerCenterAuthConfig.WEBHOOK_SCOPE, apps, cache);
    }

    /** Production: MSAL's own transport against the configured authority. */
    public static PartnerCenterAuth create(PartnerCenterAuthConfig config) {
        return new PartnerCenterAuth(config, Optional.empty(), Clock.systemUTC());
    }

    /**
     * Tests and demo mode: MSAL's requests go through {@code msalTransport}, typically a
     * {@link LoopbackRoutingHttpClient} that maps the configured https authority host onto the simulator.
     */
    public static PartnerCenterAuth create(PartnerCenterAuthConfig config, IHttpClient msalTransport) {
        return new PartnerCenterAuth(
                config, Optional.of(Objects.requireNonNull(msalTransport, "msalTransport")), Clock.systemUTC());
    }

    public PartnerCenterAuthConfig config() {
        return config;
    }

    public Path tokenCachePath() {
        return cache.path();
    }

    /**
     * Runs the device-code sign-in and blocks until the operator completes it. {@code prompt} receives the verification
     * URI and user code once, before polling starts. Interrupting the calling thread cancels the sign-in.
     *
     * @throws AuthException {@code CODE_EXPIRED}, {@code DECLINED}, {@code CANCELLED}, {@code CACHE_UNREADABLE}, ...
     */
    public SignInResult signIn(Consumer<DeviceCodePrompt> prompt) {
        CompletableFuture<SignInResult> running = signInAsync(prompt);
        try {
            return running.get();
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new AuthException(AuthFailure.CANCELLED, "The sign-in was cancelled before it completed.", null, e);
        } catch (CancellationException e) {
            throw new AuthException(AuthFailure.CANCELLED, "The sign-in was cancelled before it completed.", null, e);
        } catch (ExecutionException e) {
            throw DeviceCodeSignIn.translate(e.getCause());
        }
    }

    /** Like {@link #signIn} without blocking; {@code cancel(true)} on the future stops MSAL's polling. */
    public CompletableFuture<SignInResult> signInAsync(Consumer<DeviceCodePrompt> prompt) {
        return deviceCode.start(apps.get(), Objects.requireNonNull(prompt, "prompt"));
    }

    /** What the token cache file says, without network calls; never throws for a bad cache (it reports it). */
    public AuthStatus status() {
        Optional<String> json;
        try {
            json = cache.readLocked();
        } catch (TokenCacheUnreadableException e) {
            return new AuthStatus.CacheUnreadable(cache.path(), e.getMessage());
        }
        if (json.isEmpty()) {
            return new AuthStatus.SignedOut(
                    cache.path(),
                    "No token cache at " + cache.path() + ". Run `" + MsalAccessTokens.LOGIN_COMMAND + "`.");
        }
        TokenCacheContents contents = TokenCacheContents.parse(json.get(), config.clientId());
        if (contents.username().isEmpty()) {
            return new AuthStatus.SignedOut(
                    cache.path(),
                    "The token cache " + cache.path() + " holds no signed-in account. Run `"
                            + MsalAccessTokens.LOGIN_COMMAND + "`.");
        }
        return new AuthStatus.SignedIn(
                cache.path(),
                contents.username().get(),
                contents.accessTokenExpiresAt(),
                contents.refreshTokenPresent());
    }

    /**
     * Deletes the token cache file (also an unreadable one: that is the documented fix). The next MSAL call in any
     * process finds no file and forgets its in-memory tokens too.
     *
     * @return true if there was a file to delete
     */
    public boolean logout() {
        try {
            boolean deleted = cache.delete();
            LOG.atInfo().addKeyValue("deleted", deleted).log("partner_center_token_cache_removed");
            return deleted;
        } catch (TokenCacheUnreadableException e) {
            throw e.toAuthException();
        }
    }

    /** Silent tokens from the cache, refreshed by MSAL as needed; what {@link PartnerCenterReferralSource} calls. */
    public AccessTokenSource tokenSource() {
        return tokens;
    }

    /**
     * Silent tokens for the webhook registration API ({@link PartnerCenterAuthConfig#WEBHOOK_SCOPE}), what
     * {@link PartnerCenterWebhookRegistry} calls. They come from the same sign-in and cache: MSAL redeems the refresh
     * token of the device-code sign-in for this second audience; there is no second interactive sign-in. It fails with
     * {@code SIGN_IN_REQUIRED} when the app registration lacks the Partner Center API permission (or its consent).
     */
    public AccessTokenSource webhookTokenSource() {
        return webhookTokens;
    }
}
