package io.hunterreferrals.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * The API's JSON conventions in one place: snake_case names from the response records' camelCase components, ISO-8601
 * instants, and request bodies that are optional JSON objects.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Older clients sent fields we never read (the predecessor's {"force": true}); ignoring them keeps them
            // working.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    /**
     * Reads the body as {@code type}; an empty body gives {@code whenEmpty}. Javalin enforces the maximum request size
     * while reading (413).
     */
    static <T> T body(Context ctx, Class<T> type, T whenEmpty) {
        byte[] bytes = ctx.bodyAsBytes();
        if (isBlank(bytes)) {
            return whenEmpty;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw ApiError.badRequest("malformed_json", "The request body is not valid JSON" + location(e) + ".");
        }
        if (!node.isObject()) {
            throw ApiError.badRequest("malformed_json", "The request body must be a JSON object.");
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty()
                    ? "a field"
                    : "'" + e.getPath().getLast().getFieldName() + "'";
            throw ApiError.badRequest("invalid_field", "The value of " + field + " has the wrong type.");
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("malformed_json", "The request body could not be read.");
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Stored payloads are valid JSON; should one not be, show it as text rather than fail the request.
            return MAPPER.getNodeFactory().textNode(json);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String location(IOException e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            return " (line " + jpe.getLocation().getLineNr() + ", column "
                    + jpe.getLocation().getColumnNr() + ")";
        }
        return "";
    }
}
