package io.hunterreferrals.partnercenter;

/** A referral field that cannot be mapped; {@link #reason} becomes the {@code Unreadable} record's reason code. */
final class Unmappable extends RuntimeException {

    static final String MISSING_ID = "missing_id";
    static final String BAD_TIMESTAMP = "bad_timestamp";
    static final String INVALID_REFERRAL = "invalid_referral";

    private static final long serialVersionUID = 1L;

    private final String reason;

    Unmappable(String reason, String field) {
        // No field value in the message: it could be personal data.
        super(reason + " at " + field, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
