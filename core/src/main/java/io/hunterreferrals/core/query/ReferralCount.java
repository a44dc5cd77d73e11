package io.hunterreferrals.core.query;

import io.hunterreferrals.core.classification.ReferralCategory;
import java.util.Objects;

/**
 * How many stored referrals have one type and one status.
 *
 * @param status Partner Center's status as stored ({@code New}, {@code Active}, {@code Closed}), or {@code null}
 */
public record ReferralCount(ReferralCategory referralType, String status, long count) {

    public ReferralCount {
        Objects.requireNonNull(referralType, "referralType");
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative");
        }
    }
}
