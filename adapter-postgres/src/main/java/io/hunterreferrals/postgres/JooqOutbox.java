package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.NOTIFICATION_DELIVERIES;
import static io.hunterreferrals.postgres.jooq.Tables.NOTIFICATION_EVENTS;
import static io.hunterreferrals.postgres.jooq.Tables.NOTIFICATION_GONE_TARGETS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import io.hunterreferrals.core.notify.Delivery;
import io.hunterreferrals.core.notify.DeliveryFailure;
import io.hunterreferrals.core.notify.DeliveryState;
import io.hunterreferrals.core.notify.EventFilter;
import io.hunterreferrals.core.notify.EventView;
import io.hunterreferrals.core.notify.Outbox;
import io.hunterreferrals.core.notify.StoredEvent;
import io.hunterreferrals.postgres.jooq.tables.NotificationDeliveries;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * {@link Outbox} on PostgreSQL ({@code notification_events}, {@code notification_deliveries}). Routing and claiming
 * lock with {@code FOR UPDATE SKIP LOCKED}, so workers on any number of machines share the outbox without waiting for
 * each other, and a claim is a lease ({@code leased_until}) rather than a held transaction: no transaction stays open
 * while a channel sends. Thread-safe.
 */
public final class JooqOutbox implements Outbox {

    private static final NotificationDeliveries D = NOTIFICATION_DELIVERIES;
    private static final String PENDING = DeliveryState.PENDING.code();

    private final DSLContext dsl;

    public JooqOutbox(DataSource dataSource) {
        this.dsl = Jooq.using(dataSource);
    }

    @Override
    public int route(int limit, Function<StoredEvent, Set<String>> router, Instant now) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<StoredEvent> events = tx.selectFrom(NOTIFICATION_EVENTS)
                    .where(NOTIFICATION_EVENTS.ROUTED_AT.isNull())
                    .orderBy(NOTIFICATION_EVENTS.SEQUENCE)
                    .limit(limit)
                    .forUpdate()
                    .skipLocked()
                    .fetch(OutboxRows::event);
            if (events.isEmpty()) {
                return 0;
            }
            OffsetDateTime at = Times.odt(now);
            var insert = tx.insertInto(D, D.EVENT_ID, D.EVENT_SEQUENCE, D.REFERRAL_ID, D.CHANNEL, D.NEXT_ATTEMPT_AT);
            boolean any = false;
            for (StoredEvent event : events) {
                String referral =
                        event.event().referral().map(r -> r.id().value()).orElse(null);
                for (String channel : router.apply(event)) {
                    insert = insert.values(event.id(), event.sequence(), referral, channel, at);
                    any = true;
                }
            }
            if (any) {
                insert.onConflictDoNothing().execute();
            }
            tx.update(NOTIFICATION_EVENTS)
                    .set(NOTIFICATION_EVENTS.ROUTED_AT, at)
                    .where(NOTIFICATION_EVENTS.EVENT_ID.in(
                            events.stream().map(StoredEvent::id).toList()))
                    .execute();
            return events.size();
        });
    }

    @Override
    public List<Delivery> claim(String channel, int limit, Instant now, Duration lease) {
        OffsetDateTime at = Times.odt(now);
        NotificationDeliveries earlier = D.as("earlier");
        // An earlier pending delivery of the same referral on the channel holds this one back, leased or not: events
        // reach a channel in order per referral. (Locked rows stay visible to NOT EXISTS, so SKIP LOCKED cannot let a
        // second worker jump ahead of the first.)
        Condition inOrder = D.REFERRAL_ID
                .isNull()
                .or(notExists(selectOne()
                                .from(earlier)
                                .where(earlier.CHANNEL.eq(D.CHANNEL))
                                .and(earlier.REFERRAL_ID.eq(D.REFERRAL_ID))
                                .and(earlier.STATE.eq(PENDING))
                                .and(earlier.EVENT_SEQUENCE.lt(D.EVENT_SEQUENCE)))
                        // An earlier event of the referral that another worker is routing right now has no delivery
                        // row yet (its routing transaction has not committed), but it is still unrouted here: wait.
                        .and(notExists(selectOne()
                                .from(NOTIFICATION_EVENTS)
                                .where(NOTIFICATION_EVENTS.REFERRAL_ID.eq(D.REFERRAL_ID))
                                .and(NOTIFICATION_EVENTS.ROUTED_AT.isNull())
                                .and(NOTIFICATION_EVENTS.SEQUENCE.lt(D.EVENT_SEQUENCE)))));
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<Long> ids = tx.select(D.DELIVERY_ID)
                    .from(D)
                    .where(D.CHANNEL.eq(channel))
                    .and(D.STATE.eq(PENDING))
                    .and(D.NEXT_ATTEMPT_AT.le(at))
                    .and(D.LEASED_UNTIL.isNull().or(D.LEASED_UNTIL.le(at)))
                    .and(inOrder)
                    .orderBy(D.EVENT_SEQUENCE)
                    .limit(limit)
                    .forUpdate()
                    .skipLocked()
                    .fetch(D.DELIVERY_ID);
            if (ids.isEmpty()) {
                return List.of();
            }
            tx.update(D)
                    .set(D.LEASED_UNTIL, Times.odt(now.plus(lease)))
                    .set(D.ATTEMPTS, D.ATTEMPTS.plus(1))
                    .set(D.LAST_ATTEMPT_AT, at)
                    .where(D.DELIVERY_ID.in(ids))
                    .execute();
            List<Delivery> claimed = new ArrayList<>();
            tx.select(D.DELIVERY_ID, D.CHANNEL, D.ATTEMPTS)
                    .select(NOTIFICATION_EVENTS.fields())
                    .from(D)
                    .join(NOTIFICATION_EVENTS)
                    .on(NOTIFICATION_EVENTS.EVENT_ID.eq(D.EVENT_ID))
                    .where(D.DELIVERY_ID.in(ids))
                    .orderBy(D.EVENT_SEQUENCE)
                    .forEach(row -> claimed.add(new Delivery(
                            row.get(D.DELIVERY_ID),
                            row.get(D.CHANNEL),
                            row.get(D.ATTEMPTS),
                            OutboxRows.event(row.into(NOTIFICATION_EVENTS)))));
            return claimed;
        });
    }

    @Override
    public void release(List<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return;
        }
        dsl.update(D)
                .setNull(D.LEASED_UNTIL)
                .set(D.ATTEMPTS, D.ATTEMPTS.minus(1))
                .where(D.DELIVERY_ID.in(deliveryIds))
                .and(D.STATE.eq(PENDING))
                .and(D.ATTEMPTS.gt(0))
                .execute();
    }

    @Override
    public Optional<Instant> oldestDue(String channel, Instant now) {
        OffsetDateTime at = Times.odt(now);
        return Times.optional(dsl.select(min(NOTIFICATION_EVENTS.OCCURRED_AT))
                .from(D)
                .join(NOTIFICATION_EVENTS)
                .on(NOTIFICATION_EVENTS.EVENT_ID.eq(D.EVENT_ID))
                .where(D.CHANNEL.eq(channel))
                .and(D.STATE.eq(PENDING))
                .and(D.NEXT_ATTEMPT_AT.le(at))
                .fetchOne(0, OffsetDateTime.class));
    }

    @Override
    public void recordDelivered(long deliveryId, Instant at, String detail) {
        dsl.update(D)
                .set(D.STATE, DeliveryState.DELIVERED.code())
                .set(D.DELIVERED_AT, Times.odt(at))
                .set(D.DETAIL, PostgresText.text(detail))
                .setNull(D.LEASED_UNTIL)
                .where(D.DELIVERY_ID.eq(deliveryId))
                .execute();
    }

    @Override
    public void recordFailed(long deliveryId, Instant at, DeliveryFailure failure, Optional<Instant> nextAttemptAt) {
        var update = dsl.update(D)
                .set(D.STATE, nextAttemptAt.isPresent() ? PENDING : DeliveryState.DEAD.code())
                .set(D.LAST_ERROR_CODE, failure.code().code())
                .set(D.LAST_ERROR_MESSAGE, PostgresText.text(failure.message()))
                .set(D.LAST_REQUEST_ID, failure.requestId().orElse(null))
                .setNull(D.LEASED_UNTIL);
        if (nextAttemptAt.isPresent()) {
            update = update.set(D.NEXT_ATTEMPT_AT, Times.odt(nextAttemptAt.get()));
        }
        update.where(D.DELIVERY_ID.eq(deliveryId)).and(D.STATE.eq(PENDING)).execute();
    }

    @Override
    public void markGone(String channel, String targetKey, Instant at) {
        dsl.insertInto(NOTIFICATION_GONE_TARGETS)
                .set(NOTIFICATION_GONE_TARGETS.CHANNEL, channel)
                .set(NOTIFICATION_GONE_TARGETS.TARGET_KEY, targetKey)
                .set(NOTIFICATION_GONE_TARGETS.GONE_AT, Times.odt(at))
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public boolean isGone(String channel, String targetKey) {
        return dsl.fetchExists(
                NOTIFICATION_GONE_TARGETS,
                NOTIFICATION_GONE_TARGETS.CHANNEL.eq(channel).and(NOTIFICATION_GONE_TARGETS.TARGET_KEY.eq(targetKey)));
    }

    @Override
    public List<EventView> events(EventFilter filter) {
        return new OutboxQueries(dsl).events(filter);
    }

    @Override
    public Optional<EventView> event(UUID id) {
        return new OutboxQueries(dsl).event(id);
    }

    @Override
    public int retryDead(Optional<UUID> event, Instant now) {
        return dsl.transactionResult(cfg -> {
            Condition which = D.STATE.eq(DeliveryState.DEAD.code());
            if (event.isPresent()) {
                which = which.and(D.EVENT_ID.eq(event.get()));
            }
            int revived = cfg.dsl()
                    .update(D)
                    .set(D.STATE, PENDING)
                    .set(D.ATTEMPTS, 0)
                    .set(D.NEXT_ATTEMPT_AT, Times.odt(now))
                    .setNull(D.LEASED_UNTIL)
                    .where(which)
                    .execute();
            cfg.dsl().deleteFrom(NOTIFICATION_GONE_TARGETS).execute();
            return revived;
        });
    }

    @Override
    public int purge(Instant before) {
        return dsl.deleteFrom(NOTIFICATION_EVENTS)
                .where(NOTIFICATION_EVENTS.OCCURRED_AT.lt(Times.odt(before)))
                .and(NOTIFICATION_EVENTS.ROUTED_AT.isNotNull())
                .and(notExists(selectOne()
                        .from(D)
                        .where(D.EVENT_ID.eq(NOTIFICATION_EVENTS.EVENT_ID))
                        .and(D.STATE.eq(PENDING))))
                .execute();
    }

    static Condition hasState(DeliveryState state) {
        return exists(selectOne()
                .from(D)
                .where(D.EVENT_ID.eq(NOTIFICATION_EVENTS.EVENT_ID))
                .and(D.STATE.eq(state.code())));
    }
}
