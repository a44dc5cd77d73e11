package io.hunterreferrals.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Reads the non-secret facts out of MSAL's cache JSON (keys {@code Account}, {@code AccessToken},
 * {@code RefreshToken}), so a status check needs no network call and never touches a token's value.
 */
record TokenCacheContents(
        Optional<String> username, Optional<Instant> accessTokenExpiresAt, boolean refreshTokenPresent) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static TokenCacheContents parse(String cacheJson, String clientId) {
        JsonNode root;
        try {
            root = JSON.readTree(cacheJson);
        } catch (IOException e) {
            // TokenCacheFile validated it already; treat a surprise as "nothing usable".
            return new TokenCacheContents(Optional.empty(), Optional.empty(), false);
        }
        Optional<String> username = entries(root.path("Account"))
                .map(a -> a.path("username").asText(""))
                .filter(u -> !u.isBlank())
                .sorted()
                .findFirst();
        Optional<Instant> expiry = entries(root.path("AccessToken"))
                .filter(t -> clientId.equalsIgnoreCase(t.path("client_id").asText("")))
                .map(t -> epochSeconds(t.path("expires_on")))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        boolean refresh = entries(root.path("RefreshToken"))
                .anyMatch(t -> clientId.equalsIgnoreCase(t.path("client_id").asText("")));
        return new TokenCacheContents(username, expiry, refresh);
    }

    private static java.util.stream.Stream<JsonNode> entries(JsonNode section) {
        return section.isObject()
                ? StreamSupport.stream(section.spliterator(), false)
                : java.util.stream.Stream.empty();
    }

    /** MSAL writes expires_on as a string of epoch seconds. */
    private static Optional<Instant> epochSeconds(JsonNode node) {
        try {
            return node.isMissingNode() || node.isNull()
                    ? Optional.empty()
                    : Optional.of(
                            Instant.ofEpochSecond(Long.parseLong(node.asText().trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
