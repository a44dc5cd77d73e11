package io.hunterreferrals.postgres;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.notify.DeliveryErrorCode;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryState;
import io.hunterreferrals.core.notify.DeliveryView;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventProblem;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.FieldChange;
import io.hunterreferrals.core.notify.ReferralFacts;
import io.hunterreferrals.core.notify.StoredEvent;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.postgres.jooq.tables.records.NotificationDeliveriesRecord;
import io.hunterreferrals.postgres.jooq.tables.records.NotificationEventsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Outbox rows read back into core's values: the reading side of {@link OutboxWriter}, and the one place that knows the
 * event columns on that side.
 */
final class OutboxRows {

    private OutboxRows() {}

    static StoredEvent event(NotificationEventsRecord row) {
        EventType type = EventType.fromWire(row.getEventType());
        Optional<ReferralFacts> referral = Optional.empty();
        if (row.getReferralId() != null) {
            referral = Optional.of(new ReferralFacts(
                    ReferralId.of(row.getReferralId()),
                    ReferralCategory.fromCode(row.getReferralType()),
                    row.getStatus(),
                    row.getSubstatus(),
                    row.getDealValue() == null ? null : new DealValue(row.getDealValue(), row.getCurrency()),
                    row.getDomain(),
                    row.getCompanyName()));
        }
        Optional<EventProblem> problem = row.getProblemCode() == null
                ? Optional.empty()
                : Optional.of(new EventProblem(
                        row.getProblemCode(),
                        row.getProblemMessage() == null ? "" : row.getProblemMessage(),
                        Optional.ofNullable(row.getProblemRequestId())));
        return new StoredEvent(
                row.getEventId(),
                row.getSequence(),
                Times.instant(row.getOccurredAt()),
                new Event(type, referral, changes(row), problem));
    }

    private static List<FieldChange> changes(NotificationEventsRecord row) {
        String[] fields = row.getChangeFields();
        String[] before = row.getChangeBefore();
        String[] after = row.getChangeAfter();
        List<FieldChange> changes = new ArrayList<>(fields.length);
        for (int i = 0; i < fields.length; i++) {
            changes.add(new FieldChange(fields[i], before[i], after[i]));
        }
        return changes;
    }

    static DeliveryView delivery(NotificationDeliveriesRecord row) {
        DeliveryState state = DeliveryState.fromCode(row.getState());
        Optional<DeliveryFailure> lastError = row.getLastErrorCode() == null
                ? Optional.empty()
                : Optional.of(new DeliveryFailure(
                        // a code written by another version reads as the closest one a person can act on
                        DeliveryErrorCode.fromCode(row.getLastErrorCode()).orElse(DeliveryErrorCode.REJECTED),
                        row.getLastErrorMessage() == null ? row.getLastErrorCode() : row.getLastErrorMessage(),
                        Optional.empty(),
                        Optional.ofNullable(row.getLastRequestId())));
        return new DeliveryView(
                row.getChannel(),
                state,
                row.getAttempts(),
                state == DeliveryState.PENDING ? Times.optional(row.getNextAttemptAt()) : Optional.empty(),
                Times.optional(row.getDeliveredAt()),
                lastError,
                Optional.ofNullable(row.getDetail()));
    }
}
