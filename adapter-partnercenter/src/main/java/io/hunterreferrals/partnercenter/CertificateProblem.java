package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.webhook.WebhookRejection;

/**
 * Why a webhook's signing certificate cannot be used: {@code CERTIFICATE_UNAVAILABLE} or {@code CERTIFICATE_UNTRUSTED},
 * with a message that names the rule, never a header's value. No stack trace: it is an answer, not a bug.
 */
final class CertificateProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final WebhookRejection reason;

    CertificateProblem(WebhookRejection reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    static CertificateProblem unavailable(String message) {
        return new CertificateProblem(WebhookRejection.CERTIFICATE_UNAVAILABLE, message);
    }

    static CertificateProblem untrusted(String message) {
        return new CertificateProblem(WebhookRejection.CERTIFICATE_UNTRUSTED, message);
    }

    WebhookRejection reason() {
        return reason;
    }
}
