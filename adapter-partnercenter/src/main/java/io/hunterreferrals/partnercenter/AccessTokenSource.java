package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.sync.ReferralSourceException;

/**
 * Supplies the bearer token for one API call. {@link PartnerCenterAuth#tokenSource()} is the MSAL-backed one; tests of
 * the API client alone may pass a lambda.
 */
@FunctionalInterface
public interface AccessTokenSource {

    /**
     * @param forceRefresh true after the API answered 401: skip the cached token and redeem the refresh token, because
     *     MSAL would otherwise hand back the same rejected token until it expires
     * @return the access token; callers must never log it
     * @throws ReferralSourceException with {@code SIGN_IN_REQUIRED} when no usable sign-in exists
     */
    String accessToken(boolean forceRefresh);
}
