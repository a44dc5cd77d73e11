package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.SYNC_QUARANTINE;

import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.QuarantineQueries;
import io.hunterreferrals.core.query.QuarantinedReferral;
import io.hunterreferrals.core.referral.RawPayload;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.postgres.jooq.tables.records.SyncQuarantineRecord;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/** {@link QuarantineQueries} on PostgreSQL ({@code sync_quarantine}). Thread-safe. */
public final class JooqQuarantineQueries implements QuarantineQueries {

    private final DSLContext dsl;

    public JooqQuarantineQueries(DataSource dataSource) {
        this.dsl = Jooq.using(dataSource);
    }

    @Override
    public Page<QuarantinedReferral> quarantined(PageRequest page) {
        List<QuarantinedReferral> rows = dsl.selectFrom(SYNC_QUARANTINE)
                .orderBy(SYNC_QUARANTINE.LAST_SEEN_AT.desc(), SYNC_QUARANTINE.FAILURE_KEY)
                .limit(page.pageSize())
                .offset(page.offset())
                .fetch(JooqQuarantineQueries::view);
        return new Page<>(rows, Totals.exact(rows.size(), page, () -> dsl.fetchCount(SYNC_QUARANTINE)), page);
    }

    private static QuarantinedReferral view(SyncQuarantineRecord r) {
        return new QuarantinedReferral(
                r.getFailureKey(),
                Optional.ofNullable(r.getReferralId()),
                r.getReason(),
                new SyncRunId(r.getLastRunId()),
                r.getPage(),
                r.getPosition(),
                Optional.ofNullable(r.getUpdatedDateTime()),
                new RawPayload(r.getPayload()),
                Times.instant(r.getFirstSeenAt()),
                Times.instant(r.getLastSeenAt()),
                r.getTimesSeen());
    }
}
