package io.hunterreferrals.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.hunterreferrals.http.ApiJson;
import java.io.PrintWriter;

/**
 * {@code --json} output: the HTTP API's document for the same data (one serializer, {@link ApiJson}), pretty-printed,
 * one document per command, on stdout.
 */
final class JsonOutput {

    private JsonOutput() {}

    static void print(PrintWriter out, JsonNode document) {
        out.println(ApiJson.pretty(document));
    }
}
