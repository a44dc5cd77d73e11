package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.NOTIFICATION_DELIVERIES;
import static io.hunterreferrals.postgres.jooq.Tables.NOTIFICATION_EVENTS;

import io.hunterreferrals.core.notify.DeliveryView;
import io.hunterreferrals.core.notify.EventFilter;
import io.hunterreferrals.core.notify.EventView;
import io.hunterreferrals.core.notify.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The outbox as people read it: events, newest first, each with its deliveries (two queries, no N+1). */
final class OutboxQueries {

    private final DSLContext dsl;

    OutboxQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<EventView> events(EventFilter filter) {
        Condition where = DSL.trueCondition();
        if (filter.referral().isPresent()) {
            where = where.and(
                    NOTIFICATION_EVENTS.REFERRAL_ID.eq(filter.referral().get().value()));
        }
        if (filter.type().isPresent()) {
            where = where.and(
                    NOTIFICATION_EVENTS.EVENT_TYPE.eq(filter.type().get().wire()));
        }
        if (filter.state().isPresent()) {
            where = where.and(JooqOutbox.hasState(filter.state().get()));
        }
        var rows = dsl.selectFrom(NOTIFICATION_EVENTS)
                .where(where)
                .orderBy(NOTIFICATION_EVENTS.SEQUENCE.desc())
                .limit(filter.limit())
                .fetch();
        return withDeliveries(rows.map(OutboxRows::event), rows.map(r -> r.getRoutedAt() != null));
    }

    Optional<EventView> event(UUID id) {
        var row = dsl.selectFrom(NOTIFICATION_EVENTS)
                .where(NOTIFICATION_EVENTS.EVENT_ID.eq(id))
                .fetchOptional();
        return row.map(r -> withDeliveries(List.of(OutboxRows.event(r)), List.of(r.getRoutedAt() != null))
                .get(0));
    }

    private List<EventView> withDeliveries(List<StoredEvent> events, List<Boolean> routed) {
        Map<UUID, List<DeliveryView>> deliveries = new HashMap<>();
        if (!events.isEmpty()) {
            dsl.selectFrom(NOTIFICATION_DELIVERIES)
                    .where(NOTIFICATION_DELIVERIES.EVENT_ID.in(
                            events.stream().map(StoredEvent::id).toList()))
                    .orderBy(NOTIFICATION_DELIVERIES.CHANNEL)
                    .forEach(d -> deliveries
                            .computeIfAbsent(d.getEventId(), k -> new ArrayList<>())
                            .add(OutboxRows.delivery(d)));
        }
        List<EventView> views = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            views.add(new EventView(event, routed.get(i), deliveries.getOrDefault(event.id(), List.of())));
        }
        return views;
    }
}
