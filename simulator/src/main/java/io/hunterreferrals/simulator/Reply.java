package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint answers; the HTTP front adds the headers every response shares. */
record Reply(int status, Map<String, String> headers, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of("Content-Type", JSON), Json.bytes(body));
    }

    /** For faults that must send bytes a JSON parser chokes on, while still claiming to be JSON. */
    static Reply rawJson(int status, String body) {
        return new Reply(status, Map.of("Content-Type", JSON), body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply html(String body) {
        return new Reply(200, Map.of("Content-Type", "text/html; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply noContent() {
        return new Reply(204, Map.of(), new byte[0]);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, copy, body);
    }
}
