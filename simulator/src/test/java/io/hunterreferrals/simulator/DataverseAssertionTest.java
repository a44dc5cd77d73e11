package io.hunterreferrals.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A certificate credential's client_assertion over raw HTTP: the checks Entra makes, each refusal's AADSTS code. */
class DataverseAssertionTest {

    @TempDir
    static Path dir;

    private static TestCertificates.Credential registered;
    private static TestCertificates.Credential stranger;
    private static DataverseSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        registered = TestCertificates.generate(dir, "registered");
        stranger = TestCertificates.generate(dir, "stranger");
        sim = DataverseSimulator.builder()
                .clientCertificate(registered.certificate())
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String claims(String iss, String aud, long exp) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"%s\",\"jti\":\"j\",\"nbf\":%d,\"exp\":%d}"
                .formatted(iss, iss, aud, now - 5, exp);
    }

    private static Http.Response grant(java.security.PrivateKey key, String claims) throws Exception {
        return DataverseClient.tokenRequest(
                sim,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        sim.clientId(),
                        "client_assertion_type",
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "client_assertion",
                        TestCertificates.assertion(key, claims),
                        "scope",
                        sim.scope()));
    }

    private static int aadsts(Http.Response r) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_client");
        return r.json().path("error_codes").get(0).asInt();
    }

    @Test
    void aSignedAssertionForThisTenantsTokenEndpointGetsAToken() throws Exception {
        // MSAL signs for the https authority it was given; the rewriting client changes the host, not the claim.
        String aud = "https://login.microsoftonline.com/" + sim.tenantId() + "/oauth2/v2.0/token";
        long exp = Instant.now().getEpochSecond() + 600;

        Http.Response r = grant(registered.key(), claims(sim.clientId(), aud, exp));

        assertThat(r.status()).isEqualTo(200);
        assertThat(new DataverseClient(sim, r.json().path("access_token").asText())
                        .get("WhoAmI")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusals() throws Exception {
        String aud = "https://login.microsoftonline.com/" + sim.tenantId() + "/oauth2/v2.0/token";
        long exp = Instant.now().getEpochSecond() + 600;

        assertThat(aadsts(grant(stranger.key(), claims(sim.clientId(), aud, exp))))
                .isEqualTo(700027);
        assertThat(aadsts(grant(registered.key(), claims("someone-else", aud, exp))))
                .isEqualTo(700021);
        assertThat(aadsts(grant(
                        registered.key(),
                        claims(sim.clientId(), "https://login.microsoftonline.com/other/oauth2/v2.0/token", exp))))
                .isEqualTo(700023);
        assertThat(aadsts(grant(registered.key(), claims(sim.clientId(), aud, exp - 3600))))
                .isEqualTo(700024);
        Http.Response malformed = DataverseClient.tokenRequest(
                sim,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        sim.clientId(),
                        "client_assertion_type",
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "client_assertion",
                        "not.a-jwt",
                        "scope",
                        sim.scope()));
        assertThat(aadsts(malformed)).isEqualTo(50027);
    }
}
