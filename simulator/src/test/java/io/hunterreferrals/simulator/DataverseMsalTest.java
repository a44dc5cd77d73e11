package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.HttpMethod;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MSAL4J ConfidentialClientApplication against the simulator, through a rewriting IHttpClient: MSAL insists on
 * an https authority, so it is given {@code https://login.dataverse-sim.test/<tenant>/} with instance discovery off and
 * every request is sent to the simulator instead (the simulator README, partner-center-api.md §6.6 option A). Each test
 * uses its own client id: MSAL keeps some caches JVM-wide.
 */
class DataverseMsalTest {

    private static final String AUTHORITY_HOST = "login.dataverse-sim.test";

    @TempDir
    Path dir;

    private DataverseSimulator sim;
    private final List<String> msalRequests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sim.close();
    }

    private ConfidentialClientApplication app(IClientCredential credential) throws Exception {
        return ConfidentialClientApplication.builder(sim.clientId(), credential)
                .authority("https://" + AUTHORITY_HOST + "/" + sim.tenantId() + "/")
                .instanceDiscovery(false)
                .httpClient(new Rewriting(sim.baseUri(), msalRequests))
                .build();
    }

    private static String token(ConfidentialClientApplication app, String scope) throws Exception {
        return app.acquireToken(
                        ClientCredentialParameters.builder(Set.of(scope)).build())
                .get()
                .accessToken();
    }

    @Test
    void aSecretCredentialGetsATokenAndMsalCachesIt() throws Exception {
        sim = DataverseSimulator.builder()
                .clientId("0b1e6a2c-msal-secret")
                .build()
                .start();
        ConfidentialClientApplication app = app(ClientCredentialFactory.createFromSecret(sim.clientSecret()));

        String first = token(app, sim.scope());
        String second = token(app, sim.scope());

        assertThat(new DataverseClient(sim, first).get("WhoAmI").status()).isEqualTo(200);
        assertThat(second).isEqualTo(first);
        // What MSAL asks for with an AAD authority and instance discovery off: the token endpoint, nothing else.
        assertThat(msalRequests).containsExactly("POST /" + sim.tenantId() + "/oauth2/v2.0/token");
        RecordedRequest sent = sim.journal().tokenRequests().getFirst();
        assertThat(sent.formParam("grant_type")).contains("client_credentials");
        // MSAL4J 1.26.0 adds the OIDC scopes even to a client-credentials request.
        assertThat(sent.formParam("scope")).contains(sim.scope() + " openid profile offline_access");
        assertThat(sent.formParam("client_info")).contains("1");
        assertThat(sent.formParam("client_secret")).contains("[redacted]");
    }

    @Test
    void aCertificateCredentialSignsAnAssertionTheSimulatorVerifies() throws Exception {
        TestCertificates.Credential cert = TestCertificates.generate(dir, "msal");
        sim = DataverseSimulator.builder()
                .clientId("0b1e6a2c-msal-cert")
                .clientCertificate(cert.certificate())
                .build()
                .start();
        IClientCredential credential;
        try (var in = cert.open()) {
            credential = ClientCredentialFactory.createFromCertificate(in, TestCertificates.PASSWORD);
        }

        String token = token(app(credential), sim.scope());

        assertThat(new DataverseClient(sim, token).get("WhoAmI").status()).isEqualTo(200);
        RecordedRequest sent = sim.journal().tokenRequests().getFirst();
        assertThat(sent.formParam("client_assertion_type"))
                .contains("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(sent.formParam("client_secret")).isEmpty();
    }

    @Test
    void aWrongSecretSurfacesAsInvalidClient() throws Exception {
        sim = DataverseSimulator.builder()
                .clientId("0b1e6a2c-msal-wrong")
                .build()
                .start();
        ConfidentialClientApplication app = app(ClientCredentialFactory.createFromSecret("wrong"));

        assertThatThrownBy(() -> token(app, sim.scope()))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(MsalServiceException.class)
                .satisfies(
                        e -> assertThat(((MsalServiceException) e).errorCode()).isEqualTo("invalid_client"))
                .hasMessageContaining("AADSTS7000215");
    }

    /** Sends every MSAL request for the authority host to the simulator, and notes method and path. */
    private record Rewriting(URI target, List<String> seen) implements IHttpClient {

        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private static final Set<String> RESTRICTED =
                Set.of("host", "content-length", "connection", "expect", "upgrade");

        @Override
        public IHttpResponse send(com.microsoft.aad.msal4j.HttpRequest request) throws Exception {
            assertThat(request.url().getHost()).isEqualTo(AUTHORITY_HOST);
            seen.add(request.httpMethod().name() + " " + request.url().getPath());
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
