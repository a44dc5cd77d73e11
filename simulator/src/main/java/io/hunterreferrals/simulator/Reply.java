package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers; the HTTP front adds the headers every response shares.
 *
 * @param cutAfter when not negative, the front announces the whole body but sends only this many bytes, then drops the
 *     connection
 */
record Reply(int status, Map<String, String> headers, byte[] body, int cutAfter) {

    static final String JSON = "application/json; charset=utf-8";

    Reply {
        headers = Map.copyOf(headers);
    }

    Reply(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, -1);
    }

    /** This reply, with the connection dropped halfway through its body. */
    Reply cutInHalf() {
        return new Reply(status, headers, body, body.length / 2);
    }

    static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of("Content-Type", JSON), Json.bytes(body));
    }

    /** For faults that must send bytes a JSON parser chokes on, while still claiming to be JSON. */
    static Reply rawJson(int status, String body) {
        return new Reply(status, Map.of("Content-Type", JSON), body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply html(String body) {
        return new Reply(
                200, Map.of("Content-Type", "text/html; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply noContent() {
        return new Reply(204, Map.of(), new byte[0]);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, copy, body, cutAfter);
    }
}
