package io.hunterreferrals.core.notify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as written to the outbox; the outbox gives it its id, time and place in line ({@link StoredEvent}).
 *
 * @param type what happened
 * @param referral the referral it is about, for the {@code referral.*} types
 * @param changes what changed, for {@code referral.updated} and {@code referral.status_changed}
 * @param problem what failed, for {@code sync.failed} and {@code dynamics.push_failed}
 */
public record Event(
        EventType type, Optional<ReferralFacts> referral, List<FieldChange> changes, Optional<EventProblem> problem) {

    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(referral, "referral");
        changes = List.copyOf(changes);
        Objects.requireNonNull(problem, "problem");
        if (type.isAboutReferral() != referral.isPresent()) {
            throw new IllegalArgumentException(
                    type.wire() + (referral.isPresent() ? " carries no" : " needs a") + " referral");
        }
    }

    public static Event aboutReferral(EventType type, ReferralFacts referral, List<FieldChange> changes) {
        return new Event(type, Optional.of(referral), changes, Optional.empty());
    }

    public static Event failure(EventType type, EventProblem problem) {
        return new Event(type, Optional.empty(), List.of(), Optional.of(problem));
    }
}
