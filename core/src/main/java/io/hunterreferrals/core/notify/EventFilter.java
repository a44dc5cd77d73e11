package io.hunterreferrals.core.notify;

import io.hunterreferrals.core.referral.ReferralId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events to list, newest first.
 *
 * @param referral only the events about this referral
 * @param state only the events with a delivery in this state
 * @param type only events of this type
 * @param limit at most this many, 1 to 500
 */
public record EventFilter(
        Optional<ReferralId> referral, Optional<DeliveryState> state, Optional<EventType> type, int limit) {

    public static final int MAX_LIMIT = 500;

    public EventFilter {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(type, "type");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static EventFilter latest(int limit) {
        return new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }
}
