package io.hunterreferrals.core.referral;

import java.util.Objects;

/** Partner Center's id of a referral (a GUID in practice); the key a sync upserts on. */
public record ReferralId(String value) {

    static final int MAX_LENGTH = 255;

    public ReferralId {
        Objects.requireNonNull(value, "referral id");
        // NUL carries no meaning and PostgreSQL cannot store or even look it up: one such id failed every sync run.
        value = value.replace("\0", "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A referral id must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A referral id must be at most " + MAX_LENGTH + " characters");
        }
    }

    public static ReferralId of(String value) {
        return new ReferralId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
