package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What a {@code $filter} reads from a referral. An interface rather than a JsonNode so the store can answer from its
 * compact rows without rendering JSON for every referral it walks past.
 */
interface ReferralFields {

    /** The field's value when it is a JSON string; null when missing, null or any other type. */
    String text(String field);

    /** The field parsed as a timestamp; null when missing or malformed, so a time comparison never matches it. */
    default Instant time(String field) {
        return Timestamps.parse(text(field)).orElse(null);
    }

    static ReferralFields of(JsonNode referral) {
        return field -> {
            JsonNode node = referral.path(field);
            return node.isTextual() ? node.asText() : null;
        };
    }
}
