package io.hunterreferrals.dynamics;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.PushErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-credentials tokens from one MSAL {@link ConfidentialClientApplication}, which keeps them in its in-memory
 * cache until they near expiry (about an hour, dataverse.md §1). The application is built on first use, so a missing
 * certificate file fails the call that needs a token, with a message naming the setting, and not the app's start.
 */
final class MsalTokens implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(MsalTokens.class);

    /** Entra ID's public and sovereign clouds: instance discovery stays on for them, as MSAL expects. */
    private static final Set<String> MICROSOFT_LOGIN_HOSTS = Set.of(
            "login.microsoftonline.com",
            "login.microsoft.com",
            "login.windows.net",
            "login.microsoftonline.us",
            "login.partner.microsoftonline.cn",
            "login.chinacloudapi.cn");

    private final DataverseConfig config;
    private ConfidentialClientApplication app;

    MsalTokens(DataverseConfig config) {
        this.config = config;
    }

    @Override
    public String accessToken(boolean fresh) throws TokenUnavailableException {
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(config.scope()))
                .skipCache(fresh)
                .build();
        try {
            String token = app().acquireToken(parameters)
                    .get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .accessToken();
            if (fresh) {
                LOG.atInfo().addKeyValue("client_id", config.clientId()).log("dynamics_token_refreshed");
            }
            return token;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeadDestinationException(
                    PushErrorCode.INTERRUPTED, "Interrupted while signing in to Dynamics 365.", null, null, null, e);
        } catch (TimeoutException e) {
            throw new TokenUnavailableException(
                    "Entra ID did not answer within " + config.requestTimeout().toSeconds() + " s", null, e);
        } catch (ExecutionException | RuntimeException e) {
            if (e instanceof LeadDestinationException lde) {
                throw lde;
            }
            if (SignInErrors.isTransient(e)) {
                throw new TokenUnavailableException(
                        "Entra ID could not issue a token (" + SignInErrors.summary(e) + ")",
                        SignInErrors.status(e),
                        e);
            }
            throw SignInErrors.refused(config, e);
        }
    }

    private synchronized ConfidentialClientApplication app() {
        if (app == null) {
            app = build();
        }
        return app;
    }

    private ConfidentialClientApplication build() {
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication.builder(
                            config.clientId(), credential())
                    .authority(config.authority().toString())
                    .logPii(false);
            String host = config.authority().getHost().toLowerCase(Locale.ROOT);
            if (config.loopbackRoute().isPresent() || !MICROSOFT_LOGIN_HOSTS.contains(host)) {
                // Otherwise MSAL first asks login.microsoftonline.com about the host (or the route would get it).
                builder.instanceDiscovery(false);
            }
            if (config.loopbackRoute().isPresent()) {
                builder.httpClient(
                        new LoopbackTransport(host, config.loopbackRoute().get(), config.requestTimeout()));
            } else {
                // MSAL's own transport waits forever by default.
                builder.connectTimeoutForDefaultHttpClient(10_000).readTimeoutForDefaultHttpClient((int)
                        Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis()));
            }
            return builder.build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new LeadDestinationException(
                    PushErrorCode.CONFIGURATION_INVALID,
                    "MSAL refused the authority " + config.authority() + " (" + e.getMessage()
                            + "). Use https://login.microsoftonline.com/<tenant id>/.",
                    null,
                    null,
                    null,
                    e);
        }
    }

    private IClientCredential credential() {
        return switch (config.credential()) {
            case DataverseCredential.ClientSecret s -> ClientCredentialFactory.createFromSecret(s.secret());
            case DataverseCredential.ClientCertificate c -> {
                try (InputStream in = Files.newInputStream(c.pkcs12())) {
                    yield ClientCredentialFactory.createFromCertificate(in, c.password());
                } catch (IOException | GeneralSecurityException | RuntimeException e) {
                    // A wrong password surfaces as an IOException from the key store; the message names no secret.
                    throw new LeadDestinationException(
                            PushErrorCode.CONFIGURATION_INVALID,
                            "Cannot read the certificate " + c.pkcs12() + " ("
                                    + e.getClass().getSimpleName()
                                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                                    + "). HUNTER_DYNAMICS_CERTIFICATE_PATH must name a PKCS#12 file (.pfx/.p12) with"
                                    + " the private key, and HUNTER_DYNAMICS_CERTIFICATE_PASSWORD its password.",
                            null,
                            null,
                            null,
                            e);
                }
            }
        };
    }
}
