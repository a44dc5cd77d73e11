package io.hunterreferrals.simulator;

import java.util.Map;

/**
 * {@code GET /cert/pcnotifications-dispatch.cer} (the signing leaf) and {@code GET /cert/simulator-root.cer} (the test
 * root), DER, no auth: the simulator's stand-in for Partner Center's public blob
 * {@code https://3psostorageacct.blob.core.windows.net/cert/pcnotifications-dispatch.microsoft.com.cer}.
 */
final class CertificateEndpoint {

    static final String PREFIX = "/cert/";
    static final String LEAF_PATH = PREFIX + "pcnotifications-dispatch.cer";
    static final String ROOT_PATH = PREFIX + "simulator-root.cer";

    Reply handle(Request r) {
        if (!r.isGet() && !"HEAD".equals(r.method())) {
            return ApiErrors.error(405, "invalidRequest", "Only GET is served here.");
        }
        WebhookCertificates certs = WebhookCertificates.shared();
        return switch (r.path()) {
            case LEAF_PATH -> der(WebhookCertificates.der(certs.leaf()));
            case ROOT_PATH -> der(WebhookCertificates.der(certs.root()));
            default -> ApiErrors.notFound("No certificate at " + r.path() + ".");
        };
    }

    private static Reply der(byte[] der) {
        return new Reply(200, Map.of("Content-Type", "application/pkix-cert"), der);
    }
}
