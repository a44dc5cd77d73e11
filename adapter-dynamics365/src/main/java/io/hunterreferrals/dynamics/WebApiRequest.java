package io.hunterreferrals.dynamics;

import java.net.URI;
import java.util.Map;

/**
 * One Web API request as the adapter means it; {@link WebApi} adds the token and the OData headers.
 *
 * @param path relative to the service root, e.g. {@code WhoAmI} or {@code $batch}, already encoded
 * @param headers extra headers (Prefer, Consistency, a multipart Content-Type)
 * @param body the body, or null for none
 * @param purpose what the request is for, in logs and error messages ("lead batch", "currency look-up")
 */
record WebApiRequest(
        String method, String path, Map<String, String> headers, String body, Operation operation, String purpose) {

    static WebApiRequest get(String path, Operation operation, String purpose) {
        return new WebApiRequest("GET", path, Map.of(), null, operation, purpose);
    }

    WebApiRequest withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new WebApiRequest(method, path, all, body, operation, purpose);
    }

    URI uri(URI serviceRoot) {
        return URI.create(serviceRoot + path);
    }
}
