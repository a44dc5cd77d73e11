package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Entra ID's OAuth error body. MSAL 1.26.0 treats a reply without error_description as an unknown service error and
 * stops polling, so every error here carries one.
 */
final class OAuthErrors {

    private static final DateTimeFormatter ENTRA_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private OAuthErrors() {}

    static Reply error(Request request, Instant now, String error, String description) {
        return error(request, now, error, description, null);
    }

    static Reply error(Request request, Instant now, String error, String description, String suberror) {
        ObjectNode body = Json.object()
                .put("error", error)
                .put("error_description", description)
                .put("timestamp", ENTRA_TIMESTAMP.format(now))
                .put("trace_id", UUID.randomUUID().toString())
                .put(
                        "correlation_id",
                        request.header("client-request-id")
                                .orElse(UUID.randomUUID().toString()));
        if (suberror != null) {
            body.put("suberror", suberror);
        }
        return Reply.json(400, body);
    }

    /**
     * Entra ID's full error body as the identity platform's error-code reference shows it: the AADSTS code leads the
     * description, which ends with trace, correlation and timestamp lines, and is repeated in error_codes and
     * error_uri.
     */
    static Reply entraError(int status, Request request, Instant now, String error, int aadsts, String message) {
        String trace = UUID.randomUUID().toString();
        String correlation =
                request.header("client-request-id").orElse(UUID.randomUUID().toString());
        String timestamp = ENTRA_TIMESTAMP.format(now);
        ObjectNode body = Json.object()
                .put("error", error)
                .put(
                        "error_description",
                        "AADSTS" + aadsts + ": " + message + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: "
                                + correlation + "\r\nTimestamp: " + timestamp);
        body.putArray("error_codes").add(aadsts);
        body.put("timestamp", timestamp)
                .put("trace_id", trace)
                .put("correlation_id", correlation)
                .put("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts);
        return Reply.json(status, body);
    }
}
