package io.hunterreferrals.dynamics;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Web API answer: a whole response, or one operation's part of a {@code $batch} response. Header names are
 * case-insensitive (the JDK's server in the simulator writes {@code Odata-entityid}).
 */
record WebApiResponse(int status, Map<String, String> headers, String body) {

    WebApiResponse {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    static WebApiResponse of(java.net.http.HttpResponse<String> response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !values.isEmpty()) {
                headers.put(name, values.getFirst());
            }
        });
        return new WebApiResponse(response.statusCode(), headers, response.body());
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * Dataverse's id of the request, for a support case. Failed batch operations carry {@code REQ_ID} (dataverse.md
     * §5), and the simulator sends it on every error; {@code x-ms-service-request-id} on whole responses is what
     * Dataverse is commonly seen to send, UNCONFIRMED by dataverse.md.
     */
    String requestId() {
        return header("x-ms-service-request-id").or(() -> header("REQ_ID")).orElse(null);
    }

    DataverseError error() {
        return DataverseError.parse(body);
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
