package io.hunterreferrals.app.wiring;

import com.microsoft.aad.msal4j.IHttpClient;
import io.hunterreferrals.app.config.PartnerCenterSettings;
import io.hunterreferrals.partnercenter.LoopbackRoutingHttpClient;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import io.hunterreferrals.partnercenter.PartnerCenterAuthConfig;
import io.hunterreferrals.partnercenter.PartnerCenterListener;
import io.hunterreferrals.partnercenter.PartnerCenterReferralSource;
import io.hunterreferrals.partnercenter.PartnerCenterReferralWriteBack;
import io.hunterreferrals.partnercenter.ReferralsApiConfig;
import io.hunterreferrals.partnercenter.RetrySettings;
import java.net.URI;
import java.util.Optional;

/**
 * Maps {@link PartnerCenterSettings} onto the Partner Center adapter's config records and builds its entry points: the
 * sign-in ({@link PartnerCenterAuth}), the Referrals client ({@link PartnerCenterReferralSource}) and the write-back of
 * lead ids ({@link PartnerCenterReferralWriteBack}).
 */
public final class PartnerCenterWiring {

    private PartnerCenterWiring() {}

    /**
     * @throws IllegalStateException when the client id or the tenant/authority is missing; callers check
     *     {@link PartnerCenterSettings#canSignIn()} first and tell the operator what to set
     */
    public static PartnerCenterAuthConfig authConfig(PartnerCenterSettings settings) {
        if (!settings.canSignIn()) {
            throw new IllegalStateException(
                    "HUNTER_PARTNER_CENTER_CLIENT_ID and HUNTER_PARTNER_CENTER_TENANT_ID are needed to sign in");
        }
        URI authority = settings.authority().orElseThrow();
        String tenant = settings.tenantId().orElseGet(() -> lastPathSegment(authority));
        return new PartnerCenterAuthConfig(
                settings.clientId().orElseThrow(),
                tenant,
                authority,
                settings.scope(),
                settings.tokenCachePath(),
                null);
    }

    public static ReferralsApiConfig referralsApiConfig(PartnerCenterSettings settings) {
        return ReferralsApiConfig.DEFAULTS
                .withApiUrl(settings.apiUrl())
                .withApiVersion(settings.apiVersion())
                .withPageSize(settings.pageSize())
                .withMaxPages(settings.maxPages())
                .withTimeouts(ReferralsApiConfig.DEFAULTS.connectTimeout(), settings.requestTimeout())
                .withRetry(RetrySettings.DEFAULTS);
    }

    /**
     * @param msalTransport empty in production (MSAL's own TLS transport, or a route to the standalone simulator when
     *     {@code HUNTER_PARTNER_CENTER_SIMULATOR_URL} is set); the demo and tests route MSAL to their in-process
     *     simulator through a {@link LoopbackRoutingHttpClient}
     */
    public static PartnerCenterAuth auth(PartnerCenterSettings settings, Optional<IHttpClient> msalTransport) {
        PartnerCenterAuthConfig config = authConfig(settings);
        Optional<IHttpClient> transport = msalTransport.isPresent()
                ? msalTransport
                : settings.simulatorUrl()
                        .map(simulator -> LoopbackRoutingHttpClient.forAuthority(config.authority(), simulator));
        return transport
                .map(t -> PartnerCenterAuth.create(config, t))
                .orElseGet(() -> PartnerCenterAuth.create(config));
    }

    public static PartnerCenterReferralSource referralSource(
            PartnerCenterSettings settings, PartnerCenterAuth auth, PartnerCenterListener listener) {
        return PartnerCenterReferralSource.builder(referralsApiConfig(settings), auth.tokenSource())
                .listener(listener)
                .build();
    }

    /** The write-back of lead ids to referrals, with the operator's sign-in and the sync's API settings and retries. */
    public static PartnerCenterReferralWriteBack referralWriteBack(
            PartnerCenterSettings settings, PartnerCenterAuth auth) {
        return PartnerCenterReferralWriteBack.builder(referralsApiConfig(settings), auth.tokenSource())
                .build();
    }

    /** An explicit authority such as {@code https://login.microsoftonline.us/<tenant>} names the tenant last. */
    private static String lastPathSegment(URI authority) {
        String path = authority.getPath() == null ? "" : authority.getPath().replaceAll("/+$", "");
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.isEmpty() ? "organizations" : segment;
    }
}
