package io.hunterreferrals.http;

import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryView;
import io.hunterreferrals.core.notify.EventProblem;
import io.hunterreferrals.core.notify.EventView;
import io.hunterreferrals.core.notify.FieldChange;
import io.hunterreferrals.core.notify.ReferralFacts;
import io.hunterreferrals.core.notify.StoredEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The notification outbox's documents ({@code openapi.json}: {@code Event}, {@code EventList}): one owner for their
 * shape, used by the event routes, the referral detail's {@code notifications} and the command line's {@code --json}.
 * An event carries no personal data beyond the company (the core's {@link ReferralFacts}).
 */
final class EventJson {

    private EventJson() {}

    /** One event with where each of its deliveries stands. */
    record Event(
            String id,
            String type,
            long sequence,
            Instant occurredAt,
            boolean routed,
            Referral referral,
            List<Change> changes,
            Problem problem,
            List<Delivery> deliveries) {

        static Event of(EventView view) {
            StoredEvent stored = view.event();
            var event = stored.event();
            return new Event(
                    stored.id().toString(),
                    event.type().wire(),
                    stored.sequence(),
                    stored.occurredAt(),
                    view.routed(),
                    event.referral().map(Referral::of).orElse(null),
                    event.changes().stream().map(Change::of).toList(),
                    event.problem().map(Problem::of).orElse(null),
                    view.deliveries().stream().map(Delivery::of).toList());
        }

        static List<Event> all(List<EventView> views) {
            return views.stream().map(Event::of).toList();
        }
    }

    /** {@code GET /api/v1/events}: newest first. */
    record EventList(List<Event> events) {

        static EventList of(List<EventView> views) {
            return new EventList(Event.all(views));
        }
    }

    /** The referral as it was when the event happened; {@code type} is {@code null} when unclassified. */
    record Referral(
            String id,
            String type,
            String status,
            String substatus,
            String domain,
            String companyName,
            BigDecimal dealValue,
            String currency) {

        static Referral of(ReferralFacts facts) {
            return new Referral(
                    facts.id().value(),
                    facts.category().code().orElse(null),
                    facts.status(),
                    facts.substatus(),
                    facts.domain(),
                    facts.companyName(),
                    facts.dealValue() == null ? null : facts.dealValue().amount(),
                    facts.dealValue() == null ? null : facts.dealValue().currency());
        }
    }

    record Change(String field, String before, String after) {

        static Change of(FieldChange change) {
            return new Change(change.field(), change.before(), change.after());
        }
    }

    /** What failed, for {@code sync.failed} and {@code dynamics.push_failed}. */
    record Problem(String code, String message, String requestId) {

        static Problem of(EventProblem problem) {
            return new Problem(
                    problem.code(), problem.message(), problem.requestId().orElse(null));
        }
    }

    /** One channel's delivery of the event. */
    record Delivery(
            String channel,
            String state,
            int attempts,
            Instant nextAttemptAt,
            Instant deliveredAt,
            Failure lastError,
            String detail) {

        static Delivery of(DeliveryView view) {
            return new Delivery(
                    view.channel(),
                    view.state().code(),
                    view.attempts(),
                    view.nextAttemptAt().orElse(null),
                    view.deliveredAt().orElse(null),
                    view.lastError().map(Failure::of).orElse(null),
                    view.detail().orElse(null));
        }
    }

    /** Why the last attempt failed: a code from the closed list, a message for the operator, the receiver's id. */
    record Failure(String code, String message, String requestId) {

        static Failure of(DeliveryFailure failure) {
            return new Failure(
                    failure.code().code(),
                    failure.message(),
                    failure.requestId().orElse(null));
        }
    }

    /** {@code POST .../retry}: how many dead deliveries are pending again. */
    record Revived(int revived) {}
}
