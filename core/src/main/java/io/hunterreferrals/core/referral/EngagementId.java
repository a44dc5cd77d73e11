package io.hunterreferrals.core.referral;

import java.util.Objects;

/** Groups related referrals, e.g. the partner's and Microsoft's side of one co-sell deal. Not unique. */
public record EngagementId(String value) {

    public EngagementId {
        Objects.requireNonNull(value, "engagement id");
        value = value.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("An engagement id must not be blank");
        }
    }

    /** {@code null} for absent or blank text, so mapping code needs no special case. */
    public static EngagementId ofNullable(String value) {
        return value == null || value.isBlank() ? null : new EngagementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
