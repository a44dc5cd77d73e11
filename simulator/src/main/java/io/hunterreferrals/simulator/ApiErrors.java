package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Partner API error body: {"error":{"code","message"}}; clients must branch on code, never on message. */
final class ApiErrors {

    private ApiErrors() {}

    static Reply error(int status, String code, String message) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return Reply.json(status, body);
    }

    static Reply invalidRequest(String message) {
        return error(400, "invalidRequest", message);
    }

    static Reply notFound(String message) {
        return error(404, "itemNotFound", message);
    }
}
