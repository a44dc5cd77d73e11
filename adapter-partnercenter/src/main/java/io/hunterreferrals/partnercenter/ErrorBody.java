package io.hunterreferrals.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The code and message of an error response. Partner Center uses {@code {"error":{"code","message"}}}; its API gateway
 * answers throttling with {@code {"statusCode":429,"message":"..."}}, which has no code; proxies may send HTML or
 * nothing. Branch on {@code code} only: messages are unlocalised prose that changes.
 *
 * @param code {@code error.code}, or null
 * @param message the message, shortened, or null
 */
record ErrorBody(String code, String message) {

    static final ErrorBody NONE = new ErrorBody(null, null);
    private static final int MAX_MESSAGE = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return NONE; // not JSON: the status code says all we can trust
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        JsonNode error = root.path("error");
        if (error.isObject()) {
            return new ErrorBody(text(error.path("code")), shorten(text(error.path("message"))));
        }
        if (error.isTextual()) {
            // OAuth-style {"error":"code","error_description":"..."}; harmless to accept.
            return new ErrorBody(text(error), shorten(text(root.path("error_description"))));
        }
        return new ErrorBody(null, shorten(text(root.path("message"))));
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank()
                ? node.asText().strip()
                : null;
    }

    private static String shorten(String s) {
        if (s == null) {
            return null;
        }
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }
}
