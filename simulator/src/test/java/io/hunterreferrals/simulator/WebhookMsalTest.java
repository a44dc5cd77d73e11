package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.HttpMethod;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real MSAL4J PublicClientApplication signs in once for the Referrals scope, then gets a token for the webhook API's
 * audience silently, with the account's refresh token: the simulator issues it for the scope asked.
 */
class WebhookMsalTest {

    private static final String AUTHORITY_HOST = "login.webhook-msal.simulator.test";

    private PartnerCenterSimulator sim;

    @BeforeEach
    void start() {
        sim = PartnerCenterSimulator.builder()
                .referrals(2)
                .pollIntervalSeconds(0)
                .autoApproveAfterPolls(1)
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void silentlyAcquiresTheWebhookAudienceWithTheRefreshToken() throws Exception {
        PublicClientApplication app = PublicClientApplication.builder("webhook-msal-client")
                .authority("https://" + AUTHORITY_HOST + "/" + sim.identity().tenantId() + "/")
                .instanceDiscovery(false)
                .httpClient(new Rewriting(sim.baseUri()))
                .build();
        IAuthenticationResult first = app.acquireToken(DeviceCodeFlowParameters.builder(
                                Set.of(PartnerCenterSimulator.PARTNER_CENTER_SCOPE), code -> {})
                        .build())
                .get(20, TimeUnit.SECONDS);
        IAccount account = app.getAccounts().get(5, TimeUnit.SECONDS).iterator().next();
        sim.journal().clear();

        IAuthenticationResult second = app.acquireTokenSilently(
                        SilentParameters.builder(Set.of(PartnerCenterSimulator.WEBHOOK_SCOPE), account)
                                .build())
                .get(20, TimeUnit.SECONDS);

        assertThat(sim.journal().tokenRequests())
                .singleElement()
                .satisfies(r -> assertThat(r.formParam("grant_type")).contains("refresh_token"));
        assertThat(second.scopes()).contains(PartnerCenterSimulator.WEBHOOK_SCOPE);
        String events = sim.baseUrl() + "/webhooks/v1/registration/events";
        String referrals = sim.baseUrl() + PartnerCenterSimulator.REFERRALS_PATH;
        assertThat(Http.get(events, second.accessToken()).status()).isEqualTo(200);
        assertThat(Http.get(referrals, second.accessToken()).status()).isEqualTo(401);
        assertThat(Http.get(referrals, first.accessToken()).status()).isEqualTo(200);
        assertThat(Http.get(events, first.accessToken()).status()).isEqualTo(401);
    }

    /** Sends every MSAL request for the authority host to the simulator. */
    private record Rewriting(URI target) implements IHttpClient {

        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private static final Set<String> RESTRICTED =
                Set.of("host", "content-length", "connection", "expect", "upgrade");

        @Override
        public IHttpResponse send(com.microsoft.aad.msal4j.HttpRequest request) throws Exception {
            assertThat(request.url().getHost()).isEqualTo(AUTHORITY_HOST);
            URI uri = target.resolve(request.url().getPath()
                    + (request.url().getQuery() == null
                            ? ""
                            : "?" + request.url().getQuery()));
            java.net.http.HttpRequest.Builder out = java.net.http.HttpRequest.newBuilder(uri);
            if (request.headers() != null) {
                request.headers().forEach((k, v) -> {
                    if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT)) && v != null) {
                        out.header(k, v);
                    }
                });
            }
            if (request.httpMethod() == HttpMethod.POST) {
                out.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
                out.POST(java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
            } else {
                out.GET();
            }
            java.net.http.HttpResponse<String> r = HTTP.send(out.build(), BodyHandlers.ofString());
            com.microsoft.aad.msal4j.HttpResponse msal = new com.microsoft.aad.msal4j.HttpResponse();
            msal.statusCode(r.statusCode());
            msal.body(r.body());
            Map<String, List<String>> headers = new HashMap<>(r.headers().map());
            headers.keySet().removeIf(k -> k.startsWith(":"));
            msal.addHeaders(headers);
            return msal;
        }
    }
}
