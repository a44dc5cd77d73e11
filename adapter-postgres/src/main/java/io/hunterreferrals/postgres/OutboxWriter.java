package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.NOTIFICATION_EVENTS;
import static io.hunterreferrals.postgres.jooq.Tables.PARTNER_CENTER_REFERRALS;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.EventProblem;
import io.hunterreferrals.core.notify.FieldChange;
import io.hunterreferrals.core.notify.ReferralFacts;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.postgres.jooq.tables.PartnerCenterReferrals;
import io.hunterreferrals.postgres.jooq.tables.records.NotificationEventsRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;

/**
 * Writes events to the outbox ({@code notification_events}) inside the caller's transaction, and reads the stored facts
 * a write compares against. The one place that knows the event columns on the writing side.
 */
final class OutboxWriter {

    private static final PartnerCenterReferrals PCR = PARTNER_CENTER_REFERRALS;

    /** The referral columns {@link ReferralFacts} are read from, in the transaction that is about to change them. */
    static final List<Field<?>> FACT_COLUMNS = List.of(
            PCR.REFERRAL_ID,
            PCR.REFERRAL_TYPE,
            PCR.STATUS,
            PCR.SUBSTATUS,
            PCR.DEAL_VALUE,
            PCR.CURRENCY,
            PCR.DOMAIN,
            PCR.COMPANY_NAME);

    private static final List<Field<?>> COLUMNS = List.of(
            NOTIFICATION_EVENTS.EVENT_ID,
            NOTIFICATION_EVENTS.EVENT_TYPE,
            NOTIFICATION_EVENTS.OCCURRED_AT,
            NOTIFICATION_EVENTS.REFERRAL_ID,
            NOTIFICATION_EVENTS.REFERRAL_TYPE,
            NOTIFICATION_EVENTS.STATUS,
            NOTIFICATION_EVENTS.SUBSTATUS,
            NOTIFICATION_EVENTS.DOMAIN,
            NOTIFICATION_EVENTS.COMPANY_NAME,
            NOTIFICATION_EVENTS.DEAL_VALUE,
            NOTIFICATION_EVENTS.CURRENCY,
            NOTIFICATION_EVENTS.CHANGE_FIELDS,
            NOTIFICATION_EVENTS.CHANGE_BEFORE,
            NOTIFICATION_EVENTS.CHANGE_AFTER,
            NOTIFICATION_EVENTS.PROBLEM_CODE,
            NOTIFICATION_EVENTS.PROBLEM_MESSAGE,
            NOTIFICATION_EVENTS.PROBLEM_REQUEST_ID);

    private OutboxWriter() {}

    /** Appends {@code events}, in order, with the time of the transaction that writes them. */
    static void append(DSLContext tx, List<Event> events, OffsetDateTime at) {
        if (events.isEmpty()) {
            return;
        }
        InsertValuesStepN<NotificationEventsRecord> insert = tx.insertInto(NOTIFICATION_EVENTS, COLUMNS);
        for (Event event : events) {
            insert = insert.values(values(event, at));
        }
        insert.execute();
    }

    /** The stored facts of those of {@code ids} that are stored, locking their rows in id order. */
    static Map<ReferralId, ReferralFacts> factsForUpdate(DSLContext tx, Collection<String> ids) {
        Map<ReferralId, ReferralFacts> facts = new HashMap<>();
        if (ids.isEmpty()) {
            return facts;
        }
        tx.select(FACT_COLUMNS)
                .from(PCR)
                .where(PCR.REFERRAL_ID.in(ids))
                .orderBy(PCR.REFERRAL_ID)
                .forUpdate()
                .forEach(row -> facts.put(ReferralId.of(row.get(PCR.REFERRAL_ID)), facts(row)));
        return facts;
    }

    /** The facts in a row holding {@link #FACT_COLUMNS}. */
    static ReferralFacts facts(Record row) {
        return new ReferralFacts(
                ReferralId.of(row.get(PCR.REFERRAL_ID)),
                ReferralCategory.fromCode(row.get(PCR.REFERRAL_TYPE)),
                row.get(PCR.STATUS),
                row.get(PCR.SUBSTATUS),
                row.get(PCR.DEAL_VALUE) == null ? null : new DealValue(row.get(PCR.DEAL_VALUE), row.get(PCR.CURRENCY)),
                row.get(PCR.DOMAIN),
                row.get(PCR.COMPANY_NAME));
    }

    private static Object[] values(Event event, OffsetDateTime at) {
        ReferralFacts r = event.referral().orElse(null);
        EventProblem problem = event.problem().orElse(null);
        List<FieldChange> changes = event.changes();
        // stored facts are already clean; a change's "before" may come from an older row, a problem from any text
        return PostgresText.withoutNulCharacters(new Object[] {
            UUID.randomUUID(),
            event.type().wire(),
            at,
            r == null ? null : r.id().value(),
            r == null ? null : r.category().code().orElse(null),
            r == null ? null : r.status(),
            r == null ? null : r.substatus(),
            r == null ? null : r.domain(),
            r == null ? null : r.companyName(),
            r == null || r.dealValue() == null ? null : r.dealValue().amount(),
            r == null || r.dealValue() == null ? null : r.dealValue().currency(),
            changes.stream().map(FieldChange::field).toArray(String[]::new),
            changes.stream().map(c -> PostgresText.text(c.before())).toArray(String[]::new),
            changes.stream().map(c -> PostgresText.text(c.after())).toArray(String[]::new),
            problem == null ? null : problem.code(),
            problem == null ? null : problem.message(),
            problem == null ? null : problem.requestId().orElse(null)
        });
    }
}
