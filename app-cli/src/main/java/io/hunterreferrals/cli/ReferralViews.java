package io.hunterreferrals.cli;

import io.hunterreferrals.core.classification.ReferralCategory;
import java.time.Instant;

/** Referral values as table cells; {@code --json} prints the HTTP API's documents instead ({@code ApiJson}). */
final class ReferralViews {

    private ReferralViews() {}

    static String type(ReferralCategory category) {
        return category.label();
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
