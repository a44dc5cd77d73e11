package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.ReferralColumns.PCR;
import static io.hunterreferrals.postgres.jooq.Tables.SYNC_RUNS;
import static io.hunterreferrals.postgres.jooq.Tables.SYNC_STATE;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.notify.Event;
import io.hunterreferrals.core.notify.ReferralEvents;
import io.hunterreferrals.core.notify.ReferralFacts;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.WriteOutcome;
import io.hunterreferrals.postgres.jooq.tables.records.PartnerCenterReferralsRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateSetMoreStep;
import org.jooq.InsertOnDuplicateSetStep;
import org.jooq.InsertValuesStepN;
import org.jooq.Record2;
import org.jooq.impl.SQLDataType;
import org.postgresql.PGStatement;

/**
 * Writes one {@link PageWrite} inside the caller's transaction:
 *
 * <ol>
 *   <li>one {@code COPY} of the records whose ids are not stored yet ({@link NewReferralCopy}), after one lookup of
 *       which ids are stored;
 *   <li>one multi-row {@code INSERT ... ON CONFLICT (referral_id) DO UPDATE ... WHERE content_hash IS DISTINCT FROM
 *       excluded.content_hash} for the other changed records. The hash comparison is in the SQL, so a row another sync
 *       already brought up to date is neither rewritten nor reported as updated; {@code RETURNING (xmax = 0)} tells a
 *       fresh insert from an update;
 *   <li>one {@code UPDATE} of {@code synced_at} for the unchanged referrals and for the records whose hash turned out
 *       equal;
 *   <li>the page's quarantine ({@link QuarantineWriter});
 *   <li>the watermark, in the same transaction, only ever forwards;
 *   <li>when the page announces, its referral events ({@link ReferralEvents}) in the outbox ({@link OutboxWriter}),
 *       compared against the stored facts read under the rows' locks.
 * </ol>
 *
 * Rows are locked in referral id order (VALUES sorted; a pre-lock when a page both upserts and touches) so two
 * concurrent syncs of overlapping pages cannot deadlock each other.
 */
final class PageWriter {

    private static final Field<Boolean> INSERTED =
            field("(xmax = 0)", SQLDataType.BOOLEAN).as("inserted");
    /** Core owns which statuses are an operator's decision (ADR 0006); the SQL list is derived from it. */
    private static final Condition OPERATOR_DECISION = PCR.LINK_STATUS.in(java.util.Arrays.stream(LinkStatus.values())
            .filter(LinkStatus::isOperatorDecision)
            .map(LinkStatus::code)
            .toList());

    private static final Condition LINK_UNCHANGED = PCR.LINK_STATUS
            .eq(excluded(PCR.LINK_STATUS))
            .and(PCR.LINKED_COMPANY_ID.isNotDistinctFrom(excluded(PCR.LINKED_COMPANY_ID)));

    /**
     * Server-prepares the upsert on its first execution, although the pool's {@code prepareThreshold=0} plans every
     * other statement afresh: with its 4,500 parameters, parsing and planning the upsert cost about a third of its
     * server time (docs/benchmarks.md). Its plan does not depend on the values (a VALUES list inserted through the
     * primary key), so the generic plan PostgreSQL may switch to is the same; a full page of 100 records always has the
     * same SQL text, so each pooled connection prepares it once.
     */
    private static final ExecuteListener PREPARE_ON_SERVER = new ExecuteListener() {
        @Override
        public void prepareEnd(ExecuteContext ctx) {
            try {
                ctx.statement().unwrap(PGStatement.class).setPrepareThreshold(1);
            } catch (java.sql.SQLException e) {
                throw new org.jooq.exception.DataAccessException("Cannot server-prepare the upsert", e);
            }
        }
    };

    private final DSLContext tx;
    private final DSLContext prepared;

    PageWriter(DSLContext tx) {
        this.tx = tx;
        this.prepared = tx.configuration().deriveAppending(PREPARE_ON_SERVER).dsl();
    }

    Map<ReferralId, WriteOutcome> write(PageWrite page) {
        OffsetDateTime syncedAt = Times.odt(page.syncedAt());
        // last_sync_run_id is a foreign key: a run the log never recorded (a store used on its own) stays unnamed.
        UUID run = tx.fetchExists(SYNC_RUNS, SYNC_RUNS.RUN_ID.eq(page.runId().value()))
                ? page.runId().value()
                : null;
        // One row per id (the last copy wins, as in the sync), in id order.
        TreeMap<String, ReferralRecord> changed = new TreeMap<>();
        page.changed().forEach(r -> changed.put(r.referral().id().value(), r));
        TreeSet<String> touched = new TreeSet<>();
        page.unchanged().forEach(id -> touched.add(id.value()));
        touched.removeAll(changed.keySet());

        Map<ReferralId, WriteOutcome> outcomes = new HashMap<>();
        List<Event> events = new ArrayList<>();
        // Before any row lock is taken: a COPY that waits for another sync's new rows holds no lock that sync needs.
        for (String id : copyNewReferrals(changed, syncedAt, run)) {
            ReferralRecord record = changed.remove(id);
            outcomes.put(ReferralId.of(id), WriteOutcome.CREATED);
            events.addAll(ReferralEvents.forSyncWrite(Optional.empty(), ReferralFacts.of(record)));
        }
        Map<ReferralId, ReferralFacts> before = Map.of();
        if (!changed.isEmpty() && (page.announce() || !touched.isEmpty())) {
            TreeSet<String> all = new TreeSet<>(changed.keySet());
            all.addAll(touched);
            if (page.announce()) {
                before = OutboxWriter.factsForUpdate(tx, all); // locks in id order, as lockInIdOrder does
            } else {
                lockInIdOrder(all);
            }
        }
        if (!changed.isEmpty()) {
            Map<String, Boolean> written = upsert(changed.values(), syncedAt, run);
            for (Map.Entry<String, ReferralRecord> entry : changed.entrySet()) {
                String id = entry.getKey();
                Boolean inserted = written.get(id);
                if (inserted == null) {
                    touched.add(id); // same hash as stored: only synced_at moves
                    outcomes.put(ReferralId.of(id), WriteOutcome.UNCHANGED);
                    continue;
                }
                ReferralId referral = ReferralId.of(id);
                outcomes.put(referral, inserted ? WriteOutcome.CREATED : WriteOutcome.UPDATED);
                events.addAll(ReferralEvents.forSyncWrite(
                        inserted ? Optional.empty() : Optional.ofNullable(before.get(referral)),
                        ReferralFacts.of(entry.getValue())));
            }
        }
        if (page.announce()) {
            OutboxWriter.append(tx, events, syncedAt);
        }
        if (!touched.isEmpty()) {
            tx.update(PCR)
                    .set(PCR.SYNCED_AT, syncedAt)
                    .set(PCR.LAST_SYNC_RUN_ID, run)
                    .where(PCR.REFERRAL_ID.in(touched))
                    .execute();
        }
        new QuarantineWriter(tx).write(page, syncedAt);
        page.watermark()
                .ifPresent(watermark -> tx.insertInto(
                                SYNC_STATE, SYNC_STATE.ID, SYNC_STATE.WATERMARK, SYNC_STATE.UPDATED_AT)
                        .values((short) 1, Times.odt(watermark), syncedAt)
                        .onConflict(SYNC_STATE.ID)
                        .doUpdate()
                        .set(SYNC_STATE.WATERMARK, excluded(SYNC_STATE.WATERMARK))
                        .set(SYNC_STATE.UPDATED_AT, excluded(SYNC_STATE.UPDATED_AT))
                        // never backwards
                        .where(SYNC_STATE
                                .WATERMARK
                                .isNull()
                                .or(SYNC_STATE.WATERMARK.lt(excluded(SYNC_STATE.WATERMARK))))
                        .execute());
        return outcomes;
    }

    /**
     * Inserts the records whose ids are not stored with one COPY ({@link NewReferralCopy}).
     *
     * @return the ids it inserted: none when there were none to insert or when another transaction stored one of them
     *     meanwhile (the upsert then writes them all)
     */
    private List<String> copyNewReferrals(TreeMap<String, ReferralRecord> changed, OffsetDateTime syncedAt, UUID run) {
        if (changed.isEmpty()) {
            return List.of();
        }
        Set<String> stored = new HashSet<>(tx.select(PCR.REFERRAL_ID)
                .from(PCR)
                .where(PCR.REFERRAL_ID.in(changed.keySet()))
                .fetch(PCR.REFERRAL_ID));
        List<String> absent =
                changed.keySet().stream().filter(id -> !stored.contains(id)).toList(); // in id order
        if (absent.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = absent.stream()
                .map(id -> ReferralColumns.values(changed.get(id), syncedAt, run))
                .toList();
        return NewReferralCopy.tryInsert(tx, rows) ? absent : List.of();
    }

    private void lockInIdOrder(TreeSet<String> ids) {
        tx.select(PCR.REFERRAL_ID)
                .from(PCR)
                .where(PCR.REFERRAL_ID.in(ids))
                .orderBy(PCR.REFERRAL_ID)
                .forUpdate()
                .execute();
    }

    /** @return referral id → inserted (true) or updated (false), for the rows the statement wrote */
    private Map<String, Boolean> upsert(Iterable<ReferralRecord> records, OffsetDateTime syncedAt, UUID run) {
        InsertValuesStepN<PartnerCenterReferralsRecord> insert = prepared.insertInto(PCR, ReferralColumns.ALL);
        for (ReferralRecord record : records) {
            insert = insert.values(ReferralColumns.values(record, syncedAt, run));
        }
        InsertOnDuplicateSetStep<PartnerCenterReferralsRecord> onConflict =
                insert.onConflict(PCR.REFERRAL_ID).doUpdate();
        InsertOnDuplicateSetMoreStep<PartnerCenterReferralsRecord> set = null;
        for (Field<?> column : ReferralColumns.CONTENT) {
            set = setExcluded(set == null ? onConflict : set, column);
        }
        set = set.set(PCR.LINK_STATUS, when(OPERATOR_DECISION, PCR.LINK_STATUS).otherwise(excluded(PCR.LINK_STATUS)))
                .set(
                        PCR.LINKED_COMPANY_ID,
                        when(OPERATOR_DECISION, PCR.LINKED_COMPANY_ID).otherwise(excluded(PCR.LINKED_COMPANY_ID)))
                .set(
                        PCR.LINKED_AT,
                        when(OPERATOR_DECISION.or(LINK_UNCHANGED), PCR.LINKED_AT)
                                .otherwise(excluded(PCR.SYNCED_AT)))
                .set(
                        PCR.LINK_CHANGED_BY,
                        when(OPERATOR_DECISION.or(LINK_UNCHANGED), PCR.LINK_CHANGED_BY)
                                .otherwise(inline(ReferralColumns.syncActor(run))))
                .set(PCR.SYNCED_AT, excluded(PCR.SYNCED_AT))
                .set(PCR.LAST_SYNC_RUN_ID, excluded(PCR.LAST_SYNC_RUN_ID))
                .set(PCR.CHANGED_AT, excluded(PCR.CHANGED_AT));
        // first_seen_at is not in the SET list: an update keeps it.
        Map<String, Boolean> written = new HashMap<>();
        for (Record2<String, Boolean> row : set.where(PCR.CONTENT_HASH.ne(excluded(PCR.CONTENT_HASH)))
                .returningResult(PCR.REFERRAL_ID, INSERTED)
                .fetch()) {
            written.put(row.value1(), row.value2());
        }
        return written;
    }

    private static <T> InsertOnDuplicateSetMoreStep<PartnerCenterReferralsRecord> setExcluded(
            InsertOnDuplicateSetStep<PartnerCenterReferralsRecord> step, Field<T> column) {
        return step.set(column, excluded(column));
    }
}
