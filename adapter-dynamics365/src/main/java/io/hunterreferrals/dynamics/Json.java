package io.hunterreferrals.dynamics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The one JSON mapper of the adapter. It writes non-ASCII characters as {@code \\uXXXX} escapes: a request body is then
 * plain ASCII, so no charset question can arise inside a multipart {@code $batch}, and Jackson already escapes CR and
 * LF, so no value can ever start a line of the multipart framing.
 */
final class Json {

    static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** Empty for a blank or non-JSON body: the caller decides what a missing document means. */
    static Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A non-blank text value, or null. */
    static String text(JsonNode node) {
        return node != null
                        && node.isValueNode()
                        && !node.isNull()
                        && !node.asText().isBlank()
                ? node.asText().strip()
                : null;
    }
}
