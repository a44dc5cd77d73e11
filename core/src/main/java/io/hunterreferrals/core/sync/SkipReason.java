package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.filter.FilterRule;

/**
 * Why a fetched referral was not written: a filter rule, no change since the last sync, or a later copy in the same
 * page.
 */
public enum SkipReason {
    DIRECTION("direction"),
    STATUS("status"),
    SUBSTATUS("substatus"),
    UNCHANGED("unchanged"),
    DUPLICATE("duplicate");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    /** The stable code used in storage, logs and APIs. */
    public String code() {
        return code;
    }

    public static SkipReason fromCode(String code) {
        for (SkipReason value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown skip reason '" + code + "'");
    }

    static SkipReason of(FilterRule rule) {
        return switch (rule) {
            case DIRECTION -> DIRECTION;
            case STATUS -> STATUS;
            case SUBSTATUS -> SUBSTATUS;
        };
    }
}
