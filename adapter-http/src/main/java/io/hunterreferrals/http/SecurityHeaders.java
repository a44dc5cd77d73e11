package io.hunterreferrals.http;

import io.javalin.http.Context;

/**
 * Headers that stop browsers from sniffing, framing or leaking the API's responses. The API serves JSON and CSV,
 * which need no scripts at all, so the default policy forbids everything; only the Swagger UI page at
 * {@code /docs} may load its own scripts and styles (same origin: the files come from the webjar, no CDN).
 */
final class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    // Swagger UI sets inline style attributes and shows data: images; scripts stay same-origin only.
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        boolean docs = ctx.path().equals(DocsRoutes.PAGE) || ctx.path().startsWith(DocsRoutes.PAGE + "/");
        ctx.header("Content-Security-Policy", docs ? DOCS_POLICY : API_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        // Answers carry referral data; intermediaries must not keep copies.
        ctx.header("Cache-Control", "no-store");
    }
}
