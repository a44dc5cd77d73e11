package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.WEBHOOK_HINTS;
import static org.jooq.impl.DSL.count;

import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.webhook.HintEvent;
import io.hunterreferrals.core.webhook.HintOffer;
import io.hunterreferrals.core.webhook.HintQueue;
import io.hunterreferrals.core.webhook.QueuedHint;
import io.hunterreferrals.core.webhook.ReferralHint;
import io.hunterreferrals.core.webhook.WebhookActivity;
import io.hunterreferrals.postgres.jooq.tables.records.WebhookHintsRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * {@link HintQueue} on PostgreSQL ({@code webhook_hints}, V14). The hint's identity is a unique constraint, so a call
 * met twice inserts nothing, on any instance; claiming locks with {@code FOR UPDATE SKIP LOCKED} and leases, so workers
 * on several machines share the queue and a worker that dies loses nothing. Thread-safe.
 */
public final class JooqHintQueue implements HintQueue {

    private static final String PENDING = "pending";
    private static final String APPLIED = "applied";
    private static final String GAVE_UP = "gave_up";
    private static final String TEST = "test";
    /** How many due rows one claim reads to pick its referrals from (a referral may have several hints). */
    private static final int ROWS_PER_REFERRAL = 4;

    private final DSLContext dsl;

    public JooqHintQueue(DataSource dataSource) {
        this.dsl = Jooq.using(dataSource);
    }

    @Override
    public HintOffer offer(ReferralHint hint, Instant receivedAt) {
        boolean test = hint.event() == HintEvent.TEST_CREATED;
        OffsetDateTime at = Times.odt(receivedAt);
        int inserted = dsl.insertInto(WEBHOOK_HINTS)
                .set(WEBHOOK_HINTS.EVENT_NAME, hint.event().wireName())
                .set(WEBHOOK_HINTS.REFERRAL_ID, hint.referralId().value())
                .set(WEBHOOK_HINTS.CHANGED_AT, Times.odt(hint.changedAt()))
                .set(WEBHOOK_HINTS.RECEIVED_AT, at)
                .set(WEBHOOK_HINTS.STATE, test ? TEST : PENDING)
                .set(WEBHOOK_HINTS.NEXT_ATTEMPT_AT, at)
                .set(WEBHOOK_HINTS.SETTLED_AT, test ? at : null)
                .onConflict(WEBHOOK_HINTS.EVENT_NAME, WEBHOOK_HINTS.REFERRAL_ID, WEBHOOK_HINTS.CHANGED_AT)
                .doNothing()
                .execute();
        if (inserted == 0) {
            return HintOffer.DUPLICATE;
        }
        return test ? HintOffer.TEST : HintOffer.QUEUED;
    }

    @Override
    public List<QueuedHint> claim(int max, Instant now, Duration lease) {
        OffsetDateTime at = Times.odt(now);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<WebhookHintsRecord> due = tx.selectFrom(WEBHOOK_HINTS)
                    .where(WEBHOOK_HINTS.STATE.eq(PENDING))
                    .and(WEBHOOK_HINTS.NEXT_ATTEMPT_AT.le(at))
                    .and(WEBHOOK_HINTS.LEASED_UNTIL.isNull().or(WEBHOOK_HINTS.LEASED_UNTIL.le(at)))
                    .orderBy(WEBHOOK_HINTS.NEXT_ATTEMPT_AT, WEBHOOK_HINTS.HINT_ID)
                    .limit(max * ROWS_PER_REFERRAL)
                    .forUpdate()
                    .skipLocked()
                    .fetch();
            Set<String> referrals = new LinkedHashSet<>();
            List<WebhookHintsRecord> chosen = new ArrayList<>();
            for (WebhookHintsRecord row : due) {
                if (referrals.contains(row.getReferralId()) || referrals.size() < max) {
                    referrals.add(row.getReferralId());
                    chosen.add(row);
                }
            }
            if (chosen.isEmpty()) {
                return List.of();
            }
            tx.update(WEBHOOK_HINTS)
                    .set(WEBHOOK_HINTS.LEASED_UNTIL, Times.odt(now.plus(lease)))
                    .where(WEBHOOK_HINTS.HINT_ID.in(
                            chosen.stream().map(WebhookHintsRecord::getHintId).toList()))
                    .execute();
            return chosen.stream().map(JooqHintQueue::queued).toList();
        });
    }

    @Override
    public void applied(Collection<QueuedHint> hints, SyncRunId run, Instant at) {
        dsl.update(WEBHOOK_HINTS)
                .set(WEBHOOK_HINTS.STATE, APPLIED)
                .set(WEBHOOK_HINTS.SETTLED_AT, Times.odt(at))
                .set(WEBHOOK_HINTS.APPLIED_RUN_ID, run.value())
                .setNull(WEBHOOK_HINTS.LEASED_UNTIL)
                .setNull(WEBHOOK_HINTS.LAST_ERROR)
                .where(WEBHOOK_HINTS.HINT_ID.in(ids(hints)))
                .and(WEBHOOK_HINTS.STATE.eq(PENDING))
                .execute();
    }

    @Override
    public void retry(Collection<QueuedHint> hints, Instant notBefore, boolean failedAttempt, String reason) {
        dsl.update(WEBHOOK_HINTS)
                .set(WEBHOOK_HINTS.NEXT_ATTEMPT_AT, Times.odt(notBefore))
                .setNull(WEBHOOK_HINTS.LEASED_UNTIL)
                .set(WEBHOOK_HINTS.ATTEMPTS, WEBHOOK_HINTS.ATTEMPTS.plus(failedAttempt ? 1 : 0))
                .set(WEBHOOK_HINTS.LAST_ERROR, reason)
                .where(WEBHOOK_HINTS.HINT_ID.in(ids(hints)))
                .and(WEBHOOK_HINTS.STATE.eq(PENDING))
                .execute();
    }

    @Override
    public void giveUp(Collection<QueuedHint> hints, String reason, Instant at) {
        dsl.update(WEBHOOK_HINTS)
                .set(WEBHOOK_HINTS.STATE, GAVE_UP)
                .set(WEBHOOK_HINTS.SETTLED_AT, Times.odt(at))
                .set(WEBHOOK_HINTS.ATTEMPTS, WEBHOOK_HINTS.ATTEMPTS.plus(1))
                .setNull(WEBHOOK_HINTS.LEASED_UNTIL)
                .set(WEBHOOK_HINTS.LAST_ERROR, reason)
                .where(WEBHOOK_HINTS.HINT_ID.in(ids(hints)))
                .and(WEBHOOK_HINTS.STATE.eq(PENDING))
                .execute();
    }

    @Override
    public Set<ReferralId> announced(Collection<ReferralId> referrals, Instant since) {
        if (referrals.isEmpty()) {
            return Set.of();
        }
        Set<ReferralId> announced = new HashSet<>();
        dsl.selectDistinct(WEBHOOK_HINTS.REFERRAL_ID)
                .from(WEBHOOK_HINTS)
                .where(WEBHOOK_HINTS.REFERRAL_ID.in(
                        referrals.stream().map(ReferralId::value).toList()))
                .and(WEBHOOK_HINTS.RECEIVED_AT.ge(Times.odt(since)))
                .and(WEBHOOK_HINTS.STATE.ne(TEST))
                .forEach(row -> announced.add(new ReferralId(row.value1())));
        return Set.copyOf(announced);
    }

    @Override
    public WebhookActivity activity() {
        Optional<WebhookHintsRecord> last = dsl.selectFrom(WEBHOOK_HINTS)
                .orderBy(WEBHOOK_HINTS.RECEIVED_AT.desc(), WEBHOOK_HINTS.HINT_ID.desc())
                .limit(1)
                .fetchOptional();
        Optional<Instant> lastTest = Optional.ofNullable(dsl.select(WEBHOOK_HINTS.RECEIVED_AT.max())
                        .from(WEBHOOK_HINTS)
                        .where(WEBHOOK_HINTS.STATE.eq(TEST))
                        .fetchOne(0, OffsetDateTime.class))
                .map(OffsetDateTime::toInstant);
        Record counts = dsl.select(
                        count().filterWhere(WEBHOOK_HINTS.STATE.eq(PENDING)),
                        count().filterWhere(WEBHOOK_HINTS.STATE.eq(GAVE_UP)))
                .from(WEBHOOK_HINTS)
                .fetchOne();
        return new WebhookActivity(
                last.map(r -> r.getReceivedAt().toInstant()),
                last.flatMap(r -> HintEvent.fromWire(r.getEventName())),
                lastTest,
                counts == null ? 0 : counts.get(0, Long.class),
                counts == null ? 0 : counts.get(1, Long.class));
    }

    @Override
    public int purgeSettled(Instant before) {
        return dsl.deleteFrom(WEBHOOK_HINTS)
                .where(WEBHOOK_HINTS.STATE.ne(PENDING))
                .and(WEBHOOK_HINTS.RECEIVED_AT.lt(Times.odt(before)))
                .execute();
    }

    private static QueuedHint queued(WebhookHintsRecord row) {
        return new QueuedHint(
                row.getHintId(),
                new ReferralHint(
                        HintEvent.fromWire(row.getEventName()).orElseThrow(),
                        new ReferralId(row.getReferralId()),
                        row.getChangedAt().toInstant()),
                row.getReceivedAt().toInstant(),
                row.getAttempts());
    }

    private static List<Long> ids(Collection<QueuedHint> hints) {
        return hints.stream().map(QueuedHint::id).toList();
    }
}
