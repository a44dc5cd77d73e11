package io.hunterreferrals.http;

import io.javalin.http.Context;

/**
 * Headers that stop browsers from sniffing, framing or leaking the API's responses. The API serves JSON and CSV, which
 * need no scripts at all, so the default policy forbids everything; only the Swagger UI page at {@code /docs} may load
 * its own scripts and styles (same origin: the files come from the webjar, no CDN), and the web UI under
 * {@code /mini-ui/} its own.
 */
final class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    // Swagger UI sets inline style attributes and shows data: images; scripts stay same-origin only.
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // The web UI: its own scripts and styles only, no inline code or style attributes, no eval; it talks to this
    // origin alone. Partner Center text is put in the page as text, so even a payload that slipped through would have
    // nothing to run with.
    static final String UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        boolean docs = ctx.path().equals(DocsRoutes.PAGE) || ctx.path().startsWith(DocsRoutes.PAGE + "/");
        String policy = docs ? DOCS_POLICY : MiniUiRoutes.isUiPath(ctx.path()) ? UI_POLICY : API_POLICY;
        ctx.header("Content-Security-Policy", policy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        // Answers carry referral data; intermediaries must not keep copies.
        ctx.header("Cache-Control", "no-store");
    }
}
