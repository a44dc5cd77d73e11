package io.hunterreferrals.partnercenter;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.PublicClientApplication;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The device-code flow: MSAL asks for a code, we hand the prompt to the caller, MSAL polls until done. */
final class DeviceCodeSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceCodeSignIn.class);

    private final PartnerCenterAuthConfig config;
    private final TokenCacheFile cache;
    private final Clock clock;

    DeviceCodeSignIn(PartnerCenterAuthConfig config, TokenCacheFile cache, Clock clock) {
        this.config = config;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Starts the flow; the returned future completes with the result or an {@link AuthException}. Cancelling it cancels
     * MSAL's polling too.
     */
    CompletableFuture<SignInResult> start(PublicClientApplication pca, Consumer<DeviceCodePrompt> prompt) {
        // Refuse before the operator types a code: an unreadable cache would make the final save fail anyway.
        try {
            cache.readLocked();
        } catch (TokenCacheUnreadableException e) {
            return CompletableFuture.failedFuture(e.toAuthException());
        }
        DeviceCodeFlowParameters params = DeviceCodeFlowParameters.builder(
                        Set.of(config.scope()), code -> prompt.accept(toPrompt(code)))
                .build();
        CompletableFuture<IAuthenticationResult> msal = pca.acquireToken(params);
        CompletableFuture<SignInResult> result = new CompletableFuture<>();
        msal.whenComplete((r, error) -> {
            if (error == null) {
                result.complete(toResult(r));
            } else {
                result.completeExceptionally(translate(error));
            }
        });
        result.whenComplete((r, error) -> {
            if (result.isCancelled()) {
                msal.cancel(true);
            }
        });
        return result;
    }

    private DeviceCodePrompt toPrompt(DeviceCode code) {
        LOG.atInfo().addKeyValue("expires_in_s", code.expiresIn()).log("partner_center_device_code_issued");
        return new DeviceCodePrompt(
                URI.create(code.verificationUri()),
                code.userCode(),
                clock.instant().plusSeconds(code.expiresIn()),
                code.message());
    }

    private static SignInResult toResult(IAuthenticationResult r) {
        Set<String> scopes = r.scopes() == null
                ? Set.of()
                : Arrays.stream(r.scopes().trim().split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
        String username = r.account() == null ? null : r.account().username();
        LOG.atInfo().addKeyValue("expires_at", r.expiresOnDate().toInstant()).log("partner_center_sign_in_completed");
        // Entra ID v2 only issues bearer tokens here, and MSAL does not expose token_type.
        return new SignInResult(username, r.expiresOnDate().toInstant(), scopes, "Bearer");
    }

    static AuthException translate(Throwable error) {
        Throwable root = MsalErrors.unwrap(error);
        if (root instanceof AuthException ae) {
            return ae;
        }
        if (root instanceof CancellationException) {
            return new AuthException(
                    AuthFailure.CANCELLED, "The sign-in was cancelled before it completed.", null, root);
        }
        var cacheProblem = MsalErrors.cacheProblem(error);
        if (cacheProblem.isPresent()) {
            return cacheProblem.get().toAuthException();
        }
        String code = MsalErrors.errorCode(error);
        if ("code_expired".equals(code) || "expired_token".equals(code)) {
            return new AuthException(
                    AuthFailure.CODE_EXPIRED,
                    "The device code expired before the sign-in was completed."
                            + " Run `hunter auth login` again and finish the sign-in within the time shown.",
                    code,
                    root);
        }
        if ("authorization_declined".equals(code) || "access_denied".equals(code)) {
            return new AuthException(
                    AuthFailure.DECLINED,
                    "The sign-in was declined (" + code + "). Run `hunter auth "
                            + "login` again and approve it with an account that has the Referral Admin or "
                            + "Referral User role.",
                    code,
                    root);
        }
        LOG.atWarn()
                .addKeyValue("error_code", code == null ? root.getClass().getSimpleName() : code)
                .log("partner_center_sign_in_failed");
        return new AuthException(
                AuthFailure.IDENTITY_PROVIDER,
                "The sign-in failed at the identity provider ("
                        + (code == null ? root.getClass().getSimpleName() : code)
                        + "). Check the client id, tenant and network,"
                        + " then run `hunter auth login` again.",
                code,
                root);
    }
}
