package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.SYNC_RUNS;

import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncErrorCode;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.postgres.jooq.tables.records.SyncRunsRecord;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/** {@link SyncRunQueries} on PostgreSQL ({@code sync_runs}). Thread-safe. */
public final class JooqSyncRunQueries implements SyncRunQueries {

    private final DSLContext dsl;

    public JooqSyncRunQueries(DataSource dataSource) {
        this.dsl = Jooq.using(dataSource);
    }

    @Override
    public Optional<SyncRunView> find(SyncRunId runId) {
        return dsl.selectFrom(SYNC_RUNS)
                .where(SYNC_RUNS.RUN_ID.eq(runId.value()))
                .fetchOptional()
                .map(JooqSyncRunQueries::view);
    }

    @Override
    public Optional<SyncRunView> active() {
        // "running" sorts after "queued": descending puts the running run first.
        return dsl.selectFrom(SYNC_RUNS)
                .where(SYNC_RUNS.STATUS.in(SyncStatus.QUEUED.code(), SyncStatus.RUNNING.code()))
                .orderBy(SYNC_RUNS.STATUS.desc(), SYNC_RUNS.REQUESTED_AT.asc())
                .limit(1)
                .fetchOptional()
                .map(JooqSyncRunQueries::view);
    }

    @Override
    public Optional<SyncRunView> lastFinished() {
        return dsl.selectFrom(SYNC_RUNS)
                .where(SYNC_RUNS.FINISHED_AT.isNotNull())
                .orderBy(SYNC_RUNS.FINISHED_AT.desc(), SYNC_RUNS.RUN_ID)
                .limit(1)
                .fetchOptional()
                .map(JooqSyncRunQueries::view);
    }

    @Override
    public Page<SyncRunView> runs(PageRequest page) {
        List<SyncRunView> rows = dsl.selectFrom(SYNC_RUNS)
                .orderBy(SYNC_RUNS.REQUESTED_AT.desc(), SYNC_RUNS.RUN_ID)
                .limit(page.pageSize())
                .offset(page.offset())
                .fetch(JooqSyncRunQueries::view);
        return new Page<>(rows, Totals.exact(rows.size(), page, () -> dsl.fetchCount(SYNC_RUNS)), page);
    }

    /** A code another version stored and this one does not know stays readable, in the message. */
    private static SyncError error(String storedCode, SyncRunsRecord r) {
        String message = r.getErrorMessage() == null ? "" : r.getErrorMessage();
        SyncErrorCode code = SyncErrorCode.fromCode(storedCode).orElse(SyncErrorCode.UNRECOGNISED);
        if (code == SyncErrorCode.UNRECOGNISED) {
            message = "[" + storedCode + "] " + message;
        }
        return new SyncError(
                code,
                message,
                Optional.ofNullable(r.getErrorHttpStatus()),
                Optional.ofNullable(r.getPartnerCenterErrorCode()),
                Optional.ofNullable(r.getPartnerCenterRequestId()));
    }

    static SyncRunView view(SyncRunsRecord r) {
        SyncStatus status = SyncStatus.fromCode(r.getStatus());
        Optional<SyncError> error = Optional.ofNullable(r.getErrorCode()).map(code -> error(code, r));
        return new SyncRunView(
                new SyncRunId(r.getRunId()),
                SyncTrigger.fromCode(r.getTrigger()),
                SyncMode.fromCode(r.getMode()),
                r.getDryRun(),
                status,
                Times.instant(r.getRequestedAt()),
                Times.optional(r.getStartedAt()),
                Times.optional(r.getFinishedAt()),
                Times.optional(r.getHeartbeatAt()),
                r.getCreatedCount(),
                r.getUpdatedCount(),
                r.getSkippedCount(),
                r.getFailedCount(),
                r.getTotalFetched(),
                r.getPagesFetched(),
                Optional.ofNullable(r.getExpectedTotal()),
                ReasonsJson.read(r.getSkippedReasons()),
                ReasonsJson.read(r.getFailedReasons()),
                error,
                Times.optional(r.getWatermarkBefore()),
                Times.optional(r.getWatermarkAfter()),
                Optional.ofNullable(r.getNode()));
    }
}
