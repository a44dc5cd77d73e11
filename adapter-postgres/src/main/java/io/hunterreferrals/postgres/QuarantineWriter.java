package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.SYNC_QUARANTINE;
import static org.jooq.impl.DSL.excluded;

import io.hunterreferrals.core.sync.FailedReferral;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.postgres.jooq.tables.records.SyncQuarantineRecord;
import java.time.OffsetDateTime;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep11;

/**
 * The quarantine part of one page, inside the page's transaction ({@code sync_quarantine}, V8): the page's failures are
 * upserted (met again: the count goes up, the first sighting stays), then the rows of the referrals the page stored are
 * deleted. Rows are written in key order, like the referrals, so concurrent pages cannot deadlock.
 */
final class QuarantineWriter {

    private final DSLContext tx;

    QuarantineWriter(DSLContext tx) {
        this.tx = tx;
    }

    void write(PageWrite page, OffsetDateTime syncedAt) {
        TreeMap<String, FailedReferral> failed = new TreeMap<>();
        page.failed().forEach(f -> failed.put(f.key(), f)); // one row per key: the page's last copy wins
        if (!failed.isEmpty()) {
            upsert(failed, page, syncedAt);
        }
        TreeSet<String> stored = new TreeSet<>();
        page.changed().forEach(r -> stored.add(FailedReferral.keyOf(r.referral().id())));
        page.unchanged().stream().map(FailedReferral::keyOf).forEach(stored::add);
        stored.removeAll(failed.keySet());
        if (!stored.isEmpty()) {
            tx.deleteFrom(SYNC_QUARANTINE)
                    .where(SYNC_QUARANTINE.FAILURE_KEY.in(stored))
                    .execute();
        }
    }

    private void upsert(TreeMap<String, FailedReferral> failed, PageWrite page, OffsetDateTime syncedAt) {
        var q = SYNC_QUARANTINE;
        InsertValuesStep11<
                        SyncQuarantineRecord,
                        String,
                        String,
                        String,
                        UUID,
                        Integer,
                        Integer,
                        String,
                        String,
                        OffsetDateTime,
                        OffsetDateTime,
                        Integer>
                insert = tx.insertInto(
                        q,
                        q.FAILURE_KEY,
                        q.REFERRAL_ID,
                        q.REASON,
                        q.LAST_RUN_ID,
                        q.PAGE,
                        q.POSITION,
                        q.UPDATED_DATE_TIME,
                        q.PAYLOAD,
                        q.FIRST_SEEN_AT,
                        q.LAST_SEEN_AT,
                        q.TIMES_SEEN);
        failed.forEach((key, f) -> insert.values(
                PostgresText.text(key),
                f.referralId().map(PostgresText::text).orElse(null),
                f.reason(),
                page.runId().value(),
                f.page(),
                f.position(),
                f.updatedDateTime().map(PostgresText::text).orElse(null),
                PostgresText.text(f.payload().json()),
                syncedAt,
                syncedAt,
                1));
        insert.onConflict(q.FAILURE_KEY)
                .doUpdate()
                .set(q.REFERRAL_ID, excluded(q.REFERRAL_ID))
                .set(q.REASON, excluded(q.REASON))
                .set(q.LAST_RUN_ID, excluded(q.LAST_RUN_ID))
                .set(q.PAGE, excluded(q.PAGE))
                .set(q.POSITION, excluded(q.POSITION))
                .set(q.UPDATED_DATE_TIME, excluded(q.UPDATED_DATE_TIME))
                .set(q.PAYLOAD, excluded(q.PAYLOAD))
                .set(q.LAST_SEEN_AT, excluded(q.LAST_SEEN_AT))
                .set(q.TIMES_SEEN, q.TIMES_SEEN.plus(1))
                .execute();
    }

    /** @see io.hunterreferrals.core.sync.ReferralStore#forgetFailuresNotMetIn */
    static int forgetNotMetIn(DSLContext dsl, UUID run) {
        return dsl.deleteFrom(SYNC_QUARANTINE)
                .where(SYNC_QUARANTINE.LAST_RUN_ID.ne(run))
                .execute();
    }
}
