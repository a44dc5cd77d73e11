package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.ReferralColumns.PCR;
import static io.hunterreferrals.postgres.jooq.Tables.SYNC_STATE;

import io.hunterreferrals.core.company.OperatorLink;
import io.hunterreferrals.core.notify.ReferralEvents;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralStore;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.WriteOutcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * {@link ReferralStore} on PostgreSQL ({@code partner_center_referrals}, {@code sync_quarantine} and
 * {@code sync_state}): each page is one transaction, so a page, its quarantine and its watermark are stored together or
 * not at all. Thread-safe.
 */
public final class JooqReferralStore implements ReferralStore {

    /** Who changed a link when an operator did; the port does not say which operator. */
    static final String OPERATOR_ACTOR = "operator";

    private static final int ATTEMPTS = 3;

    private final DSLContext dsl;

    public JooqReferralStore(DataSource dataSource) {
        this.dsl = Jooq.using(dataSource);
    }

    @Override
    public Map<ReferralId, ContentHash> fingerprints(Collection<ReferralId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<ReferralId, ContentHash> found = new HashMap<>();
        dsl.select(PCR.REFERRAL_ID, PCR.CONTENT_HASH)
                .from(PCR)
                .where(PCR.REFERRAL_ID.in(ids.stream().map(ReferralId::value).toList()))
                .forEach(r -> found.put(ReferralId.of(r.value1()), new ContentHash(r.value2())));
        return found;
    }

    @Override
    public Map<ReferralId, WriteOutcome> writePage(PageWrite write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return dsl.transactionResult(cfg -> {
                    // The page and its watermark commit together, so losing the last commits in a crash only means
                    // the next run fetches those pages again: the commit need not wait for the WAL flush. This
                    // halves the time of a page (docs/benchmarks.md); nothing outside the sync depends on it.
                    cfg.dsl().execute("SET LOCAL synchronous_commit = off");
                    return new PageWriter(cfg.dsl()).write(write);
                });
            } catch (DataAccessException e) {
                // Lock ordering makes deadlocks between concurrent syncs unlikely, not impossible (a row inserted by
                // a third party between the pre-lock and the insert); the page is idempotent, so run it again.
                if (attempt >= ATTEMPTS || !SqlErrors.isRetryable(e)) {
                    // a commit the database never answered is a lost connection, not a bug
                    throw SqlErrors.translate(e);
                }
            }
        }
    }

    @Override
    public int forgetFailuresNotMetIn(SyncRunId completedFullRun) {
        return QuarantineWriter.forgetNotMetIn(dsl, completedFullRun.value());
    }

    @Override
    public Optional<Instant> watermark() {
        return Times.optional(dsl.select(SYNC_STATE.WATERMARK).from(SYNC_STATE).fetchOne(SYNC_STATE.WATERMARK));
    }

    /** The decision and its {@code referral.linked}/{@code referral.unlinked} event commit together. */
    @Override
    public boolean recordOperatorLink(ReferralId id, OperatorLink link) {
        Long company = link instanceof OperatorLink.LinkTo to ? to.company().value() : null;
        OffsetDateTime now = OffsetDateTime.now();
        return dsl.transactionResult(cfg -> {
            var row = cfg.dsl()
                    .update(PCR)
                    .set(PCR.LINK_STATUS, link.status().code())
                    .set(PCR.LINKED_COMPANY_ID, company)
                    .set(PCR.LINKED_AT, now)
                    .set(PCR.LINK_CHANGED_BY, OPERATOR_ACTOR)
                    .where(PCR.REFERRAL_ID.eq(id.value()))
                    .returningResult(OutboxWriter.FACT_COLUMNS)
                    .fetchOne();
            if (row == null) {
                return false;
            }
            OutboxWriter.append(cfg.dsl(), List.of(ReferralEvents.forOperatorLink(OutboxWriter.facts(row), link)), now);
            return true;
        });
    }
}
