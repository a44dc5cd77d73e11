package io.hunterreferrals.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** Real HTTP calls to a {@link DataverseSimulator} for the tests, with a token already in hand. */
final class DataverseClient {

    static final String JSON = "application/json";

    private final DataverseSimulator sim;
    private final String token;

    DataverseClient(DataverseSimulator sim) {
        this(sim, sim.tokens().issueAccessToken());
    }

    DataverseClient(DataverseSimulator sim, String token) {
        this.sim = sim;
        this.token = token;
    }

    String token() {
        return token;
    }

    /** {@code rel} is relative to the service root, e.g. {@code "WhoAmI"}. */
    Http.Response get(String rel, String... headers) {
        return send("GET", rel, null, headers);
    }

    Http.Response patch(String rel, String json, String... headers) {
        return send("PATCH", rel, json, headers);
    }

    Http.Response post(String rel, String json, String... headers) {
        return send("POST", rel, json, headers);
    }

    /** Upserts a lead by its referral id, without Prefer. */
    Http.Response upsert(String referralId, String json, String... headers) {
        return patch(keyPath(referralId), json, headers);
    }

    String keyPath(String referralId) {
        return "leads(" + sim.keyColumn() + "='" + referralId + "')";
    }

    Http.Response batch(String boundary, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "multipart/mixed; boundary=\"" + boundary + "\"";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return sendRaw("POST", "$batch", body, all);
    }

    private Http.Response send(String method, String rel, String json, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Accept";
        all[1] = JSON;
        all[2] = "OData-Version";
        all[3] = "4.0";
        System.arraycopy(headers, 0, all, 4, headers.length);
        if (json != null) {
            String[] withType = new String[all.length + 2];
            System.arraycopy(all, 0, withType, 0, all.length);
            withType[all.length] = "Content-Type";
            withType[all.length + 1] = JSON;
            all = withType;
        }
        return sendRaw(method, rel, json, all);
    }

    private Http.Response sendRaw(String method, String rel, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.serviceRoot() + rel.replace(" ", "%20")))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return Http.send(b.build());
    }

    /** A token from the simulator's token endpoint, with the configured secret. */
    static Http.Response tokenRequest(DataverseSimulator sim, Map<String, String> form) {
        return Http.postForm(sim.authority() + "oauth2/v2.0/token", form);
    }

    static Map<String, String> secretGrant(DataverseSimulator sim) {
        return Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                sim.clientId(),
                "client_secret",
                sim.clientSecret(),
                "scope",
                sim.scope());
    }
}
