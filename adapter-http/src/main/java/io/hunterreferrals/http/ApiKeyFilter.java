package io.hunterreferrals.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Requires an API key on {@code /api/**} when keys are configured, as {@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}. Health, metrics, the OpenAPI document and the docs stay open for probes and scrapers, and
 * so does Partner Center's webhook call, which is signed instead. Runs for unmatched paths too, so probing
 * {@code /api/...} without a key learns nothing about which routes exist.
 */
final class ApiKeyFilter {

    static final String PREFIX = "/api/";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    void check(Context ctx) {
        if (!keys.required() || !(ctx.path().startsWith(PREFIX) || ctx.path().equals("/api"))) {
            return;
        }
        if (ctx.method() == HandlerType.POST && ctx.path().equals(WebhookRoutes.PATH)) {
            // Partner Center cannot send a key; the call's signature is checked instead (WebhookRoutes).
            return;
        }
        String presented = presentedKey(ctx);
        if (presented == null) {
            throw unauthorized(
                    ctx, "An API key is required: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.");
        }
        if (!keys.accepts(presented)) {
            throw unauthorized(ctx, "The API key is not valid.");
        }
    }

    private static String presentedKey(Context ctx) {
        String header = ctx.header("X-API-Key");
        if (header != null && !header.isBlank()) {
            return header;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null
                && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length());
        }
        return null;
    }

    private static ApiError unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer");
        return new ApiError(401, "unauthorized", message);
    }
}
