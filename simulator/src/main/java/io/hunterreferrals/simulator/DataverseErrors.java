package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Web API's error body, {"error":{"code":"0x…","message":"…"}}, and the codes dataverse.md lists. The code "is
 * frequently empty" (compose-http-requests-handle-errors.md), so "" is a real value, not a placeholder. Every reply
 * carries the JSON content type the Web API uses.
 */
final class DataverseErrors {

    static final String JSON = "application/json; odata.metadata=minimal";

    /** dataverse.md §1: the token is issued but the environment has no application user for the app. */
    static final String NOT_A_MEMBER = "0x80072560";
    /** PrivilegeDenied, §1. */
    static final String PRIVILEGE_DENIED = "0x80040220";
    /** DuplicateRecordsFound (duplicate detection), §2 and §7, sent with HTTP 500. */
    static final String DUPLICATE_DETECTED = "0x80040333";
    /** Validation, e.g. a string over its MaxLength (batch doc example), HTTP 400. */
    static final String VALIDATION = "0x80044331";
    /** Bad state/status combination, §2 (techcommunity Q&A). */
    static final String BAD_STATUS = "0x80048408";
    /** Unknown column: third-party only in dataverse.md, UNCONFIRMED. */
    static final String UNKNOWN_PROPERTY = "0x80060888";
    /** EntityKeyNotDefined, §2. */
    static final String KEY_NOT_DEFINED = "0x80060890";
    /** A record with the specified key values does not exist, §2. */
    static final String NO_RECORD_FOR_KEY = "0x80060891";
    /** DuplicateRecordEntityKey, §2. */
    static final String DUPLICATE_KEY = "0x80060892";
    /** EntityKeyNameExists / EntityKeyWithSelectedAttributesExists, §2. */
    static final String KEY_NAME_EXISTS = "0x80060893";

    static final String KEY_ATTRIBUTES_EXIST = "0x80060894";
    /** Service protection, §6. */
    static final String LIMIT_REQUESTS = "0x80072322";

    static final String LIMIT_EXECUTION_TIME = "0x80072321";
    static final String LIMIT_CONCURRENCY = "0x80072326";

    private DataverseErrors() {}

    static Reply error(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", code).put("message", message);
        return new Reply(status, java.util.Map.of("Content-Type", JSON), Json.bytes(body));
    }

    static Reply badRequest(String code, String message) {
        return error(400, code, message);
    }

    static Reply unknownProperty(String name) {
        // Wording from dataverse.md §2 (third-party); the same message is what an unknown $select column gives.
        return badRequest(
                UNKNOWN_PROPERTY,
                "Could not find a property named '" + name + "' on type 'Microsoft.Dynamics.CRM.lead'.");
    }

    static Reply tooLong(String column, int maxLength) {
        // The batch doc's example, two spaces after the first sentence included.
        return badRequest(
                VALIDATION,
                "A validation error occurred.  The length of the '" + column
                        + "' attribute of the 'lead' entity exceeded the maximum allowed length of '" + maxLength
                        + "'.");
    }

    /** The simulator has no resource or does not support the request; not a Dataverse message. */
    static Reply notSupported(String message) {
        return badRequest("", "Simulator: " + message);
    }
}
