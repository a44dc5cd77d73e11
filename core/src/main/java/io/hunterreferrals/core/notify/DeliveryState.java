package io.hunterreferrals.core.notify;

/** Where a delivery stands. */
public enum DeliveryState {
    /** Waiting for its (next) attempt, or being attempted. */
    PENDING("pending"),
    DELIVERED("delivered"),
    /**
     * Given up on: retries ran out, or the failure cannot be cured by waiting. {@code hunter events retry} revives it.
     */
    DEAD("dead");

    private final String code;

    DeliveryState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DeliveryState fromCode(String code) {
        for (DeliveryState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException(
                "Unknown delivery state '" + code + "'; expected pending, delivered or dead");
    }
}
