package io.hunterreferrals.server;

import io.hunterreferrals.http.PartnerCenterAuthState;
import io.hunterreferrals.partnercenter.AuthStatus;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code /healthz}'s {@code auth} from the token cache file alone: a health check must never call Entra ID. A signed-in
 * account counts as ok while it holds a refresh token (MSAL renews access tokens silently) or an unexpired access
 * token.
 */
final class AuthStates {

    private AuthStates() {}

    /** @param auth empty when client id or tenant are not configured */
    static PartnerCenterAuthState of(Optional<PartnerCenterAuth> auth, Clock clock) {
        if (auth.isEmpty()) {
            return PartnerCenterAuthState.NOT_CONFIGURED;
        }
        return of(auth.get().status(), clock);
    }

    static PartnerCenterAuthState of(AuthStatus status, Clock clock) {
        return switch (status) {
            case AuthStatus.SignedIn signedIn ->
                signedIn.refreshTokenPresent()
                                || signedIn.accessTokenExpiresAt()
                                        .filter(at -> at.isAfter(clock.instant()))
                                        .isPresent()
                        ? PartnerCenterAuthState.OK
                        : PartnerCenterAuthState.SIGN_IN_REQUIRED;
            case AuthStatus.SignedOut signedOut -> PartnerCenterAuthState.SIGN_IN_REQUIRED;
            case AuthStatus.CacheUnreadable unreadable -> PartnerCenterAuthState.SIGN_IN_REQUIRED;
        };
    }
}
