package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.ReferralColumns.PCR;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;
import static org.jooq.impl.DSL.when;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.push.PushFilter;
import io.hunterreferrals.core.push.PushState.PushStatus;
import io.hunterreferrals.core.push.PushStateStore;
import io.hunterreferrals.core.push.WriteBackState;
import io.hunterreferrals.core.push.WriteBackState.WriteBackStatus;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.postgres.jooq.tables.DynamicsPushState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Row2;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * {@link PushStateStore} on PostgreSQL: the stored referrals ({@code partner_center_referrals}, as the sync wrote them)
 * and one {@code dynamics_push_state} row for each referral the push has sent or tried to send. Every outcome is
 * recorded with the referral's {@code content_hash} as read ({@code referral_hash}), so a referral the sync changes
 * while a push runs is due again. Thread-safe.
 */
public final class JooqPushStateStore implements PushStateStore {

    private static final DynamicsPushState STATE = PushStateRows.STATE;

    private final DSLContext dsl;

    public JooqPushStateStore(DataSource dataSource) {
        this.dsl = Jooq.using(dataSource);
    }

    /**
     * One keyset page: the referrals in primary-key order after {@code after}, each with its state (a LEFT JOIN on the
     * state's primary key), stopping at {@code limit} due ones. The referrals that are not due are read and passed
     * over, so a push run reads every stored referral once (V10__dynamics_push.sql says why no index avoids that).
     */
    @Override
    public List<PushCandidate> due(PushFilter filter, int mappingVersion, Optional<ReferralId> after, int limit) {
        return dueQuery(filter, mappingVersion, after, limit).fetch(PushStateRows::candidate);
    }

    /** The query of {@link #due}, for its plan. */
    ResultQuery<Record> dueQuery(PushFilter filter, int mappingVersion, Optional<ReferralId> after, int limit) {
        Condition due = STATE.REFERRAL_ID
                .isNull()
                .or(STATE.STATUS.eq(PushStatus.FAILED.code()))
                .or(STATE.REFERRAL_HASH.ne(PCR.CONTENT_HASH))
                .or(STATE.MAPPING_VERSION.ne(mappingVersion));
        return select(after.map(id -> STATE.REFERRAL_ID.gt(id.value())).orElse(noCondition()))
                .where(after.map(id -> PCR.REFERRAL_ID.gt(id.value())).orElse(noCondition()))
                .and(types(filter))
                .and(statuses(filter))
                .and(due)
                .orderBy(PCR.REFERRAL_ID)
                .limit(limit);
    }

    @Override
    public Optional<PushCandidate> find(ReferralId id) {
        return select(noCondition()).where(PCR.REFERRAL_ID.eq(id.value())).fetchOptional(PushStateRows::candidate);
    }

    @Override
    public void recordPushed(
            PushCandidate candidate, String leadId, ContentHash leadHash, int mappingVersion, Instant at) {
        dsl.insertInto(STATE)
                .set(STATE.REFERRAL_ID, candidate.referralId().value())
                .set(STATE.STATUS, PushStatus.PUSHED.code())
                .set(STATE.LEAD_ID, PostgresText.text(leadId))
                .set(STATE.LEAD_HASH, leadHash.hex())
                .set(STATE.REFERRAL_HASH, candidate.storedHash().hex())
                .set(STATE.MAPPING_VERSION, mappingVersion)
                .set(STATE.PUSHED_AT, Times.odt(at))
                .set(STATE.ATTEMPTS, 0)
                .setNull(STATE.LAST_ERROR_CODE)
                .setNull(STATE.LAST_ERROR)
                .set(STATE.UPDATED_AT, Times.odt(at))
                .onConflict(STATE.REFERRAL_ID)
                .doUpdate()
                .set(STATE.STATUS, excluded(STATE.STATUS))
                // a write-back outcome belongs to the lead it was made for (SET sees the row as it was)
                .set(STATE.WRITE_BACK_STATUS, sameLead(STATE.WRITE_BACK_STATUS))
                .set(STATE.WRITE_BACK_AT, sameLead(STATE.WRITE_BACK_AT))
                .set(STATE.WRITE_BACK_ERROR_CODE, sameLead(STATE.WRITE_BACK_ERROR_CODE))
                .set(STATE.WRITE_BACK_ERROR, sameLead(STATE.WRITE_BACK_ERROR))
                .set(STATE.LEAD_ID, excluded(STATE.LEAD_ID))
                .set(STATE.LEAD_HASH, excluded(STATE.LEAD_HASH))
                .set(STATE.REFERRAL_HASH, excluded(STATE.REFERRAL_HASH))
                .set(STATE.MAPPING_VERSION, excluded(STATE.MAPPING_VERSION))
                .set(STATE.PUSHED_AT, excluded(STATE.PUSHED_AT))
                .set(STATE.ATTEMPTS, 0)
                .setNull(STATE.LAST_ERROR_CODE)
                .setNull(STATE.LAST_ERROR)
                .set(STATE.UPDATED_AT, excluded(STATE.UPDATED_AT))
                .execute();
    }

    /** Upserts the failure; the SET list leaves out lead_id and pushed_at, so an earlier success's are kept. */
    @Override
    public void recordFailed(
            PushCandidate candidate,
            ContentHash leadHash,
            int mappingVersion,
            String code,
            String message,
            Instant at) {
        dsl.insertInto(STATE)
                .set(STATE.REFERRAL_ID, candidate.referralId().value())
                .set(STATE.STATUS, PushStatus.FAILED.code())
                .set(STATE.LEAD_HASH, leadHash.hex())
                .set(STATE.REFERRAL_HASH, candidate.storedHash().hex())
                .set(STATE.MAPPING_VERSION, mappingVersion)
                .set(STATE.ATTEMPTS, 1)
                .set(STATE.LAST_ERROR_CODE, PostgresText.text(code))
                .set(STATE.LAST_ERROR, PostgresText.text(message))
                .set(STATE.UPDATED_AT, Times.odt(at))
                .onConflict(STATE.REFERRAL_ID)
                .doUpdate()
                .set(STATE.STATUS, excluded(STATE.STATUS))
                // the same lead values refused again count as one more attempt; other values start over
                .set(
                        STATE.ATTEMPTS,
                        when(STATE.LEAD_HASH.eq(excluded(STATE.LEAD_HASH)), STATE.ATTEMPTS.plus(1))
                                .otherwise(val(1)))
                .set(STATE.LEAD_HASH, excluded(STATE.LEAD_HASH))
                .set(STATE.REFERRAL_HASH, excluded(STATE.REFERRAL_HASH))
                .set(STATE.MAPPING_VERSION, excluded(STATE.MAPPING_VERSION))
                .set(STATE.LAST_ERROR_CODE, excluded(STATE.LAST_ERROR_CODE))
                .set(STATE.LAST_ERROR, excluded(STATE.LAST_ERROR))
                .set(STATE.UPDATED_AT, excluded(STATE.UPDATED_AT))
                .execute();
    }

    /**
     * One {@code UPDATE ... FROM (VALUES ...)} for the batch: only {@code referral_hash} moves. The state itself (and
     * its {@code updated_at}) is unchanged, and a referral without a state has nothing to record.
     */
    @Override
    public void recordChecked(List<PushCandidate> candidates, Instant at) {
        if (candidates.isEmpty()) {
            return;
        }
        // rows locked in id order, like every other write
        @SuppressWarnings("unchecked")
        Row2<String, String>[] rows = candidates.stream()
                .sorted(Comparator.comparing(c -> c.referralId().value()))
                .map(c -> row(c.referralId().value(), c.storedHash().hex()))
                .toArray(Row2[]::new);
        Table<?> checked = values(rows).as("checked", "referral_id", "referral_hash");
        Field<String> id = checked.field("referral_id", String.class);
        Field<String> hash = checked.field("referral_hash", String.class);
        dsl.update(STATE)
                .set(STATE.REFERRAL_HASH, hash)
                .from(checked)
                .where(STATE.REFERRAL_ID.eq(id))
                .execute();
    }

    /**
     * The pushed referrals whose lead id is not their stored {@code externalReferenceId} and has no written or refused
     * write-back. An inner join on the state's primary key, in referral-id order from the keyset position; it reads the
     * pushed states once per push run with the write-back on, which needs no index of its own.
     */
    @Override
    public List<PushCandidate> writeBackDue(PushFilter filter, Optional<ReferralId> after, int limit) {
        return dsl.select(PushStateRows.CANDIDATE_COLUMNS)
                .from(PCR.join(STATE).on(STATE.REFERRAL_ID.eq(PCR.REFERRAL_ID)))
                .where(after.map(id -> PCR.REFERRAL_ID.gt(id.value())).orElse(noCondition()))
                .and(after.map(id -> STATE.REFERRAL_ID.gt(id.value())).orElse(noCondition()))
                .and(STATE.STATUS.eq(PushStatus.PUSHED.code()))
                .and(STATE.LEAD_ID.isDistinctFrom(PCR.EXTERNAL_REFERENCE_ID))
                .and(STATE.WRITE_BACK_STATUS.isNull().or(STATE.WRITE_BACK_STATUS.eq(WriteBackStatus.FAILED.code())))
                .and(types(filter))
                .and(statuses(filter))
                .orderBy(PCR.REFERRAL_ID)
                .limit(limit)
                .fetch(PushStateRows::candidate);
    }

    /** Only the write-back columns change: the lead's own state (and its {@code updated_at}) stays as it is. */
    @Override
    public void recordWriteBack(PushCandidate candidate, WriteBackState outcome) {
        int updated = dsl.update(STATE)
                .set(STATE.WRITE_BACK_STATUS, outcome.status().code())
                .set(STATE.WRITE_BACK_AT, Times.odt(outcome.at()))
                .set(
                        STATE.WRITE_BACK_ERROR_CODE,
                        outcome.errorCode().map(PostgresText::text).orElse(null))
                .set(
                        STATE.WRITE_BACK_ERROR,
                        outcome.error().map(PostgresText::text).orElse(null))
                .where(STATE.REFERRAL_ID.eq(candidate.referralId().value()))
                .execute();
        if (updated == 0) {
            throw new IllegalStateException(
                    "No push state for " + candidate.referralId() + " to record its write-back");
        }
    }

    @Override
    public void forgetAll() {
        dsl.deleteFrom(STATE).execute();
    }

    /**
     * The referrals with their states. {@code stateFrom} repeats the keyset condition on the state's side: PostgreSQL
     * does not carry an inequality across the join's equality, and without it a merge join reads the state's primary
     * key from its start on every page, so a run's later pages would read ever more of it.
     */
    private SelectJoinStep<Record> select(Condition stateFrom) {
        return dsl.select(PushStateRows.CANDIDATE_COLUMNS)
                .from(PCR.leftJoin(STATE)
                        .on(STATE.REFERRAL_ID.eq(PCR.REFERRAL_ID))
                        .and(stateFrom));
    }

    /** The row's value when the upsert keeps its lead id, else NULL. */
    private static <T> Field<T> sameLead(Field<T> column) {
        return when(STATE.LEAD_ID.isNotDistinctFrom(excluded(STATE.LEAD_ID)), column)
                .otherwise(DSL.castNull(column));
    }

    /** {@link ReferralCategory#UNKNOWN} is stored as NULL; no types means no filter. */
    private static Condition types(PushFilter filter) {
        if (filter.types().isEmpty()) {
            return noCondition();
        }
        List<String> codes =
                filter.types().stream().flatMap(t -> t.code().stream()).toList();
        Condition condition = codes.isEmpty() ? falseCondition() : PCR.REFERRAL_TYPE.in(codes);
        return filter.types().contains(ReferralCategory.UNKNOWN) ? condition.or(PCR.REFERRAL_TYPE.isNull()) : condition;
    }

    /** Case-insensitive: both sides lower-cased by PostgreSQL, so they agree on every character. */
    private static Condition statuses(PushFilter filter) {
        if (filter.statuses().isEmpty()) {
            return noCondition();
        }
        return lower(PCR.STATUS)
                .in(filter.statuses().stream().map(s -> lower(val(s))).toList());
    }
}
