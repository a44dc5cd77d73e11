package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the JWT a certificate credential sends as client_assertion, the way Entra ID does (iss = sub = client id, aud
 * = this tenant's token endpoint on any host, a current exp/nbf window) and, when a certificate is configured, its
 * RS256 or PS256 signature. Codes and messages as the Azure SDK's troubleshooting table lists them (AADSTS700021,
 * 700023, 700024, 700027); 50027 for a malformed token.
 */
final class DataverseClientAssertion {

    /** Entra tolerates some clock skew; five minutes is the usual allowance. */
    private static final long SKEW_SECONDS = 300;

    /** Why an assertion was refused: the AADSTS number and its message. */
    record Refusal(int aadsts, String message) {}

    private DataverseClientAssertion() {}

    /** Empty when the assertion is acceptable. */
    static Optional<Refusal> check(
            String jwt, String clientId, String tenant, X509Certificate certificate, Instant now) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return refuse(50027, "JWT token is invalid or malformed.");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = Json.parse(decode(parts[0]));
            claims = Json.parse(decode(parts[1]));
        } catch (IllegalArgumentException e) {
            return refuse(50027, "JWT token is invalid or malformed.");
        }
        if (!clientId.equals(claims.path("iss").asText())
                || !clientId.equals(claims.path("sub").asText())) {
            return refuse(700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
        }
        if (!audienceFits(claims.path("aud").asText(), tenant)) {
            return refuse(700023, "Client assertion audience claim does not match Realm issuer.");
        }
        long t = now.getEpochSecond();
        boolean expired =
                !claims.path("exp").canConvertToLong() || claims.path("exp").asLong() + SKEW_SECONDS < t;
        boolean early = claims.has("nbf") && claims.path("nbf").asLong() - SKEW_SECONDS > t;
        if (expired || early) {
            return refuse(700024, "Client assertion is not within its valid time range.");
        }
        if (certificate != null && !signatureValid(header.path("alg").asText(), parts, certificate)) {
            return refuse(700027, "Client assertion contains an invalid signature.");
        }
        return Optional.empty();
    }

    /** MSAL signs for the token endpoint of the authority it was given, whose host the rewriting client replaces. */
    private static boolean audienceFits(String aud, String tenant) {
        String a = aud.toLowerCase(Locale.ROOT);
        String t = tenant.toLowerCase(Locale.ROOT);
        return a.startsWith("https://")
                && (a.endsWith("/" + t + "/oauth2/v2.0/token") || a.endsWith("/" + t + "/v2.0"));
    }

    private static boolean signatureValid(String alg, String[] parts, X509Certificate certificate) {
        try {
            Signature sig;
            switch (alg) {
                case "RS256" -> sig = Signature.getInstance("SHA256withRSA");
                case "PS256" -> {
                    sig = Signature.getInstance("RSASSA-PSS");
                    sig.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                }
                default -> {
                    return false;
                }
            }
            sig.initVerify(certificate.getPublicKey());
            sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return sig.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static Optional<Refusal> refuse(int aadsts, String message) {
        return Optional.of(new Refusal(aadsts, message));
    }
}
