package io.hunterreferrals.core.referral;

/**
 * Whether the referral came to the partner or was sent by it. Unrecognised API values map to {@link #UNKNOWN}; see
 * {@link ApiValue}.
 */
public enum Direction implements ApiEnum {
    /** Received by the partner. */
    INCOMING("Incoming"),
    /** Sent by the partner. */
    OUTGOING("Outgoing"),
    /** Absent, blank or a value this version does not know. */
    UNKNOWN(null);

    private final String apiName;

    Direction(String apiName) {
        this.apiName = apiName;
    }

    @Override
    public String apiName() {
        return apiName;
    }
}
