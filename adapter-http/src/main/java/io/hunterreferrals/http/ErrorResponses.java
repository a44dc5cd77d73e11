package io.hunterreferrals.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"error": {"code", "message"}}} with its status: the API's own refusals, the ones
 * Javalin raises (unknown route 404, wrong method 405, body too large 413), and unexpected exceptions (500, logged with
 * the request id so the user's report can be traced; the message never echoes internals).
 */
final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final int MAX_PATH_IN_MESSAGE = 120;

    private ErrorResponses() {}

    static void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).json(ErrorJson.of(e)));
        routes.exception(HttpResponseException.class, ErrorResponses::javalinError);
        routes.exception(Exception.class, ErrorResponses::unexpected);
    }

    private static void javalinError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        ErrorJson body = switch (status) {
            case 404 -> ErrorJson.of("not_found", "No route " + ctx.method().name() + " " + shortPath(ctx) + ".");
            case 405 ->
                ErrorJson.of(
                        "method_not_allowed",
                        "Method " + ctx.method().name() + " is not allowed on " + shortPath(ctx) + ".");
            case 413 -> ErrorJson.of("payload_too_large", "The request body is too large.");
            case 400 -> ErrorJson.of("bad_request", "The request could not be read.");
            default -> ErrorJson.of("http_" + status, String.valueOf(e.getMessage()));
        };
        ctx.status(status).json(body);
    }

    private static void unexpected(Exception e, Context ctx) {
        String requestId = RequestIds.of(ctx);
        LOG.atError()
                .setCause(e)
                .addKeyValue("request_id", requestId)
                .addKeyValue("route", AccessLog.route(ctx))
                .log("http_request_failed");
        ctx.status(500)
                .json(ErrorJson.of(
                        "internal_error",
                        "Something went wrong on the server. Quote request id " + requestId + " when reporting it."));
    }

    private static String shortPath(Context ctx) {
        String path = ctx.path();
        return path.length() > MAX_PATH_IN_MESSAGE ? path.substring(0, MAX_PATH_IN_MESSAGE) + "…" : path;
    }
}
