package io.hunterreferrals.dynamics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Web API's error body, {@code {"error":{"code":"0x…","message":"…"}}} (dataverse.md §2). The code "is frequently
 * empty", so it is null then; branch on the code where there is one, on the status otherwise, and only where Dataverse
 * gives nothing else on the message.
 *
 * @param code Dataverse's hex code, e.g. {@code 0x80040220}, or null
 * @param message the message on one line, shortened, or null
 */
record DataverseError(String code, String message) {

    static final DataverseError NONE = new DataverseError(null, null);

    /** The application user is missing: "The user is not a member of the organization." (§1) */
    static final String NOT_A_MEMBER = "0x80072560";
    /** PrivilegeDenied (§1). */
    static final String PRIVILEGE_DENIED = "0x80040220";
    /** EntityKeyNotDefined (§2): the simulator's answer for a key that is not Active; Dataverse's is UNCONFIRMED. */
    static final String KEY_NOT_DEFINED = "0x80060890";
    /** Unknown column: third-party only in dataverse.md, UNCONFIRMED. */
    static final String UNKNOWN_PROPERTY = "0x80060888";
    /** Validation, e.g. a string over its MaxLength (§2, the batch doc's example). */
    static final String VALIDATION = "0x80044331";
    /** DuplicateRecordsFound: a duplicate detection rule matched, sent with HTTP 500 (§7). */
    static final String DUPLICATES_FOUND = "0x80040333";
    /** DuplicateRecordEntityKey: parallel upserts raced on create (§2). */
    static final String DUPLICATE_KEY = "0x80060892";
    /** DuplicateRecord: "a SQL integrity violation" (§2). */
    static final String DUPLICATE_RECORD = "0x80040237";
    /** A bad state/status combination (§2); the push never sends either. */
    static final String BAD_STATUS = "0x80048408";
    /** EntityKeyNameExists / EntityKeyWithSelectedAttributesExists (§2): the key is there already. */
    static final String KEY_NAME_EXISTS = "0x80060893";

    static final String KEY_ATTRIBUTES_EXIST = "0x80060894";

    private static final int MAX_MESSAGE = 300;

    static DataverseError parse(String body) {
        JsonNode error = Json.parse(body).map(root -> root.path("error")).orElse(null);
        if (error == null || !error.isObject()) {
            return NONE;
        }
        String message = Json.text(error.path("message"));
        if (message != null) {
            message = message.replaceAll("\\s+", " ");
            message = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
        }
        return new DataverseError(Json.text(error.path("code")), message);
    }

    boolean is(String hex) {
        return code != null && code.equalsIgnoreCase(hex);
    }

    boolean messageContains(String text) {
        return message != null
                && message.toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT));
    }
}
