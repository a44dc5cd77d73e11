package io.hunterreferrals.core.webhook;

/** Why a webhook call was refused (HTTP 401, or 400 for a signed body that does not read), by stable code. */
public enum WebhookRejection {
    /** No {@code Authorization: Signature …} or {@code x-ms-signature}, no certificate URL, or another algorithm. */
    UNSIGNED("unsigned", true),
    /** The certificate URL is not https on an allow-listed host and path. */
    CERTIFICATE_URL_NOT_ALLOWED("certificate_url_not_allowed", true),
    /** The certificate could not be fetched or read. */
    CERTIFICATE_UNAVAILABLE("certificate_unavailable", true),
    /** The certificate does not chain to a trusted root, is out of date, or names another organisation. */
    CERTIFICATE_UNTRUSTED("certificate_untrusted", true),
    /** The signature does not verify over the body's bytes with the certificate's key. */
    BAD_SIGNATURE("bad_signature", true),
    /** Signed, but the body is not an event this product reads (no event name, resource URI or change time). */
    MALFORMED("malformed", false),
    /** Larger than any event Partner Center sends. */
    TOO_LARGE("too_large", false);

    private final String code;
    private final boolean unauthenticated;

    WebhookRejection(String code, boolean unauthenticated) {
        this.code = code;
        this.unauthenticated = unauthenticated;
    }

    public String code() {
        return code;
    }

    /** Whether the caller was not shown to be Partner Center (HTTP 401), rather than sending a bad body (400). */
    public boolean unauthenticated() {
        return unauthenticated;
    }
}
