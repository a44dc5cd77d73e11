package io.hunterreferrals.partnercenter;

import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import java.net.MalformedURLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silent acquisition from the file cache, once per API call; MSAL refreshes by itself when the token is near expiry.
 * One instance per scope: the Referrals API's, and the webhook registration API's, a second audience whose token MSAL
 * redeems from the same sign-in's refresh token (Entra ID refresh tokens are not bound to one resource), so it needs no
 * sign-in of its own.
 */
final class MsalAccessTokens implements AccessTokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(MsalAccessTokens.class);
    static final String LOGIN_COMMAND = "hunter auth login";

    private final PartnerCenterAuthConfig config;
    private final String scope;
    private final Supplier<PublicClientApplication> apps;
    private final TokenCacheFile cache;

    MsalAccessTokens(
            PartnerCenterAuthConfig config, String scope, Supplier<PublicClientApplication> app, TokenCacheFile cache) {
        this.config = config;
        this.scope = scope;
        this.apps = app;
        this.cache = cache;
    }

    String scope() {
        return scope;
    }

    @Override
    public String accessToken(boolean forceRefresh) {
        PublicClientApplication pca = apps.get();
        try {
            IAccount account =
                    pickAccount(pca.getAccounts().get(config.msalTimeout().toMillis(), TimeUnit.MILLISECONDS));
            SilentParameters params = SilentParameters.builder(Set.of(scope), account)
                    .forceRefresh(forceRefresh)
                    .build();
            IAuthenticationResult result =
                    pca.acquireTokenSilently(params).get(config.msalTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (forceRefresh) {
                LOG.debug("Partner Center access token refreshed on demand");
            }
            return result.accessToken();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReferralSourceException(
                    SourceFailure.NETWORK, "Interrupted while getting a Partner Center token.", null, null, null, e);
        } catch (TimeoutException e) {
            throw new ReferralSourceException(
                    SourceFailure.NETWORK,
                    "The identity provider did not answer within "
                            + config.msalTimeout().toSeconds() + " s (authority " + config.authority() + ").",
                    null,
                    "identity_provider_timeout",
                    null,
                    e);
        } catch (ExecutionException | RuntimeException | MalformedURLException e) {
            if (e instanceof ReferralSourceException rse) {
                throw rse;
            }
            throw translate(e);
        }
    }

    private IAccount pickAccount(Set<IAccount> accounts) {
        if (accounts.isEmpty()) {
            throw signInRequired(
                    "Not signed in to Partner Center: the token cache " + cache.path() + " holds no account. Run `"
                            + LOGIN_COMMAND + "`.",
                    "no_account",
                    null);
        }
        // Prefer the configured tenant's account; sort so the choice is stable when a cache holds several.
        String suffix = "." + config.tenantId().toLowerCase(Locale.ROOT);
        return accounts.stream()
                .sorted(Comparator.comparing((IAccount a) ->
                                !a.homeAccountId().toLowerCase(Locale.ROOT).endsWith(suffix))
                        .thenComparing(IAccount::homeAccountId))
                .findFirst()
                .orElseThrow();
    }

    private ReferralSourceException translate(Throwable e) {
        var cacheProblem = MsalErrors.cacheProblem(e);
        if (cacheProblem.isPresent()) {
            return signInRequired(cacheProblem.get().getMessage(), "token_cache_unreadable", cacheProblem.get());
        }
        String code = MsalErrors.errorCode(e);
        if (MsalErrors.signInRequired(e)) {
            return signInRequired(
                    "The Partner Center sign-in is no longer valid (" + (code == null ? "no token" : code)
                            + "): the refresh token expired or was revoked. Run `" + LOGIN_COMMAND + "`.",
                    code,
                    e);
        }
        Throwable root = MsalErrors.unwrap(e);
        return new ReferralSourceException(
                SourceFailure.NETWORK,
                "Could not get a Partner Center token from "
                        + config.authority() + " ("
                        + (code == null ? root.getClass().getSimpleName() : code)
                        + "). Check the network and the authority; if it persists run `" + LOGIN_COMMAND + "`.",
                null,
                code,
                null,
                e);
    }

    private static ReferralSourceException signInRequired(String message, String code, Throwable cause) {
        return new ReferralSourceException(SourceFailure.SIGN_IN_REQUIRED, message, null, code, null, cause);
    }
}
