package io.hunterreferrals.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The error body for requests Jetty refuses before Javalin sees them (invalid UTF-8 or an ambiguous path such as
 * {@code /referrals/%FF}, a header too large): the API's {@code {"error": {"code", "message"}}} instead of Jetty's HTML
 * page, which also echoed the request URI.
 */
final class JettyErrorJson extends ErrorHandler {

    private static final int MAX_REASON = 100;

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        byte[] body = body(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    /** Jetty's reasons are fixed texts ("Bad UTF-8 encoding"); shown shortened, never with the request itself. */
    static byte[] body(int status, String reason) {
        String why = reason == null || reason.isBlank()
                ? ""
                : " (" + (reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason) + ")";
        ErrorJson error = status == 400
                ? ErrorJson.of("bad_request", "The request could not be read" + why + ".")
                : ErrorJson.of("http_" + status, "The request was refused" + why + ".");
        try {
            return Json.MAPPER.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
