package io.hunterreferrals.partnercenter;

import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.PublicClientApplication;
import java.net.MalformedURLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Builds the one kind of MSAL application this adapter uses: a public client (no secret) with the file cache. */
final class MsalApplications {

    /**
     * Hosts of Entra ID's public and sovereign clouds. Instance discovery stays on for them (it is how MSAL learns
     * aliases); for any other host it is switched off, or MSAL would first ask login.microsoftonline.com about it.
     */
    static final Set<String> MICROSOFT_LOGIN_HOSTS = Set.of(
            "login.microsoftonline.com",
            "login.microsoft.com",
            "login.windows.net",
            "sts.windows.net",
            "login.microsoftonline.us",
            "login-us.microsoftonline.com",
            "login.usgovcloudapi.net",
            "login.chinacloudapi.cn",
            "login.partner.microsoftonline.cn",
            "login.microsoftonline.de");

    /** MSAL's own transport has no timeouts by default (0 = wait forever); these bound a hung identity provider. */
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private static final int READ_TIMEOUT_MS = 30_000;

    private MsalApplications() {}

    static boolean isMicrosoftLoginHost(String host) {
        return host != null && MICROSOFT_LOGIN_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * @param routing a replacement transport, only for tests and the demo (see {@link LoopbackRoutingHttpClient});
     *     empty in production, so production runs MSAL's default, TLS-verifying transport
     */
    static PublicClientApplication build(
            PartnerCenterAuthConfig config, TokenCacheFile cache, Optional<IHttpClient> routing) {
        try {
            PublicClientApplication.Builder builder = PublicClientApplication.builder(config.clientId())
                    .authority(config.authorityForMsal())
                    .logPii(false)
                    .setTokenCacheAccessAspect(cache);
            if (!isMicrosoftLoginHost(config.authorityHost())) {
                builder.instanceDiscovery(false);
            }
            if (routing.isPresent()) {
                builder.httpClient(routing.get());
            } else {
                builder.connectTimeoutForDefaultHttpClient(CONNECT_TIMEOUT_MS)
                        .readTimeoutForDefaultHttpClient(READ_TIMEOUT_MS);
            }
            return builder.build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new AuthException(
                    AuthFailure.CONFIGURATION,
                    "MSAL rejected the authority " + config.authority() + ": " + e.getMessage()
                            + ". Set it to https://login.microsoftonline.com/{tenantId}.",
                    null,
                    e);
        }
    }
}
