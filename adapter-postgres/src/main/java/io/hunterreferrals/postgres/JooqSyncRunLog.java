package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.SYNC_RUNS;
import static io.hunterreferrals.postgres.jooq.Tables.SYNC_STATE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import io.hunterreferrals.core.notify.ReferralEvents;
import io.hunterreferrals.core.sync.RunClaim;
import io.hunterreferrals.core.sync.SkipReason;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncErrorCode;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncRunLog;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.postgres.jooq.tables.records.SyncRunsRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdateSetMoreStep;
import org.jooq.exception.DataAccessException;

/**
 * {@link SyncRunLog} on PostgreSQL ({@code sync_runs}). Runs never overlap because of the schema's partial unique
 * indexes {@code sync_runs_one_running} and {@code sync_runs_one_queued}: whichever process loses the race gets a
 * unique violation, translated here into {@link RunClaim.Busy} with the run that holds the slot. A run that holds the
 * slot but whose process is gone ({@link RunLocks}: its advisory lock is free) is marked failed ({@code abandoned}) by
 * the next start, at once, so a killed {@code hunter sync} never blocks the next one. Thread-safe.
 */
public final class JooqSyncRunLog implements SyncRunLog {

    private static final String ONE_RUNNING = "sync_runs_one_running";
    private static final String ONE_QUEUED = "sync_runs_one_queued";
    private static final int ATTEMPTS = 5;

    private final DSLContext dsl;
    private final String node;
    private final RunLocks locks;

    /** @param node the host and process recorded as having run each started run, e.g. {@link #currentNode()} */
    public JooqSyncRunLog(DataSource dataSource, String node) {
        this.dsl = Jooq.using(dataSource);
        this.node = Objects.requireNonNull(node, "node");
        this.locks = new RunLocks(dataSource);
    }

    /** {@code <hostname>/<pid>} of this process. */
    public static String currentNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    @Override
    public RunClaim enqueue(SyncRunId runId, SyncRequest request, Instant requestedAt) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                // Not while one is running either: a second request then returns the running run's id.
                int inserted = dsl.insertInto(
                                SYNC_RUNS,
                                SYNC_RUNS.RUN_ID,
                                SYNC_RUNS.TRIGGER,
                                SYNC_RUNS.MODE,
                                SYNC_RUNS.DRY_RUN,
                                SYNC_RUNS.STATUS,
                                SYNC_RUNS.REQUESTED_AT)
                        .select(select(
                                        val(runId.value()),
                                        val(request.trigger().code()),
                                        val(request.mode().code()),
                                        val(request.dryRun()),
                                        val(SyncStatus.QUEUED.code()),
                                        val(Times.odt(requestedAt)))
                                .whereNotExists(selectOne()
                                        .from(SYNC_RUNS)
                                        .where(SYNC_RUNS.STATUS.in(
                                                SyncStatus.QUEUED.code(), SyncStatus.RUNNING.code()))))
                        .execute();
                if (inserted == 1) {
                    return RunClaim.CLAIMED;
                }
            } catch (DataAccessException e) {
                if (!isSlotTaken(e, ONE_QUEUED)) {
                    throw e;
                }
            }
            Optional<SyncRunId> active = activeRun(SyncStatus.RUNNING).or(() -> activeRun(SyncStatus.QUEUED));
            if (active.isPresent()) {
                return new RunClaim.Busy(active.get());
            }
            // The active run finished between the two statements: try again.
        }
        throw new IllegalStateException("Could not queue run " + runId + ": the queue kept changing");
    }

    @Override
    public RunClaim start(SyncRunId runId, SyncRequest request, Instant startedAt, Optional<Instant> watermarkBefore) {
        // Locked before the row says running, so nobody ever sees this run running with its lock free.
        locks.acquire(runId);
        try {
            RunClaim claim = claimRunning(runId, request, startedAt, watermarkBefore);
            if (claim instanceof RunClaim.Busy) {
                locks.release(runId);
            }
            return claim;
        } catch (RuntimeException e) {
            locks.release(runId);
            throw e;
        }
    }

    private RunClaim claimRunning(
            SyncRunId runId, SyncRequest request, Instant startedAt, Optional<Instant> watermarkBefore) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                if (startQueued(runId, startedAt, watermarkBefore)
                        || insertRunning(runId, request, startedAt, watermarkBefore)) {
                    notBeforeFinishCommittedMeanwhile(runId);
                    return RunClaim.CLAIMED;
                }
            } catch (DataAccessException e) {
                if (!isSlotTaken(e, ONE_RUNNING)) {
                    throw e;
                }
            }
            Optional<SyncRunId> running = activeRun(SyncStatus.RUNNING);
            if (running.isPresent()) {
                if (!locks.isDead(running.get())) {
                    return new RunClaim.Busy(running.get());
                }
                failDead(running.get(), startedAt);
            } else {
                // The run holding the slot finished meanwhile, perhaps a few milliseconds after this one asked to
                // start: this run starts when it gets the slot, so the history never shows two runs overlapping.
                startedAt = latest(startedAt, lastFinishedAt());
            }
        }
        throw new IllegalStateException("Could not start run " + runId + ": the running slot kept changing");
    }

    /**
     * The start time a run is recorded with: the time it asked, unless the run it waited for finished later (its start
     * instant is taken before the claim, and a run finishing meanwhile would otherwise seem to overlap it in the
     * history). Read in the claiming statement itself, so no finish can slip in between.
     */
    private static Field<OffsetDateTime> notBeforeLastFinish(Instant startedAt) {
        Field<OffsetDateTime> asked = val(Times.odt(startedAt));
        return greatest(asked, coalesce(field(select(max(SYNC_RUNS.FINISHED_AT)).from(SYNC_RUNS)), asked));
    }

    /**
     * A claim that waited on the unique index for the previous run's finish to commit read the last finish time in a
     * snapshot taken before that commit; this statement's snapshot sees it, so the recorded start moves past it.
     */
    private void notBeforeFinishCommittedMeanwhile(SyncRunId runId) {
        dsl.update(SYNC_RUNS)
                .set(
                        SYNC_RUNS.STARTED_AT,
                        greatest(
                                SYNC_RUNS.STARTED_AT,
                                coalesce(
                                        field(select(max(SYNC_RUNS.as("previous").FINISHED_AT))
                                                .from(SYNC_RUNS.as("previous"))),
                                        SYNC_RUNS.STARTED_AT)))
                .where(SYNC_RUNS.RUN_ID.eq(runId.value()))
                .execute();
    }

    private Optional<Instant> lastFinishedAt() {
        return Optional.ofNullable(
                        dsl.select(max(SYNC_RUNS.FINISHED_AT)).from(SYNC_RUNS).fetchOne(0, OffsetDateTime.class))
                .map(OffsetDateTime::toInstant);
    }

    private static Instant latest(Instant a, Optional<Instant> b) {
        return b.filter(t -> t.isAfter(a)).orElse(a);
    }

    private void failDead(SyncRunId runId, Instant now) {
        SyncError error = SyncError.of(
                SyncErrorCode.ABANDONED,
                "The process running this sync ended before it finished (it was "
                        + "killed or lost its database session); the next run resumes from the last stored page.");
        withError(
                        dsl.update(SYNC_RUNS)
                                .set(SYNC_RUNS.STATUS, SyncStatus.FAILED.code())
                                .set(SYNC_RUNS.FINISHED_AT, Times.odt(now)),
                        Optional.of(error))
                .where(SYNC_RUNS.RUN_ID.eq(runId.value()))
                .and(SYNC_RUNS.STATUS.eq(SyncStatus.RUNNING.code()))
                .execute();
    }

    /** A queued run becomes running; the unique index refuses it while another runs, and it stays queued. */
    private boolean startQueued(SyncRunId runId, Instant startedAt, Optional<Instant> watermarkBefore) {
        return dsl.update(SYNC_RUNS)
                        .set(SYNC_RUNS.STATUS, SyncStatus.RUNNING.code())
                        .set(SYNC_RUNS.STARTED_AT, notBeforeLastFinish(startedAt))
                        .set(SYNC_RUNS.HEARTBEAT_AT, Times.odt(startedAt))
                        .set(SYNC_RUNS.WATERMARK_BEFORE, Times.odt(watermarkBefore))
                        .set(SYNC_RUNS.NODE, node)
                        .where(SYNC_RUNS.RUN_ID.eq(runId.value()))
                        .and(SYNC_RUNS.STATUS.eq(SyncStatus.QUEUED.code()))
                        .execute()
                == 1;
    }

    private boolean insertRunning(
            SyncRunId runId, SyncRequest request, Instant startedAt, Optional<Instant> watermarkBefore) {
        Optional<String> status = dsl.select(SYNC_RUNS.STATUS)
                .from(SYNC_RUNS)
                .where(SYNC_RUNS.RUN_ID.eq(runId.value()))
                .fetchOptional(SYNC_RUNS.STATUS);
        if (status.isPresent()) {
            throw new IllegalStateException("Run " + runId + " is " + status.get() + ", not queued");
        }
        OffsetDateTime at = Times.odt(startedAt);
        dsl.insertInto(SYNC_RUNS)
                .set(SYNC_RUNS.RUN_ID, runId.value())
                .set(SYNC_RUNS.TRIGGER, request.trigger().code())
                .set(SYNC_RUNS.MODE, request.mode().code())
                .set(SYNC_RUNS.DRY_RUN, request.dryRun())
                .set(SYNC_RUNS.STATUS, SyncStatus.RUNNING.code())
                .set(SYNC_RUNS.REQUESTED_AT, at)
                .set(SYNC_RUNS.STARTED_AT, notBeforeLastFinish(startedAt))
                .set(SYNC_RUNS.HEARTBEAT_AT, at)
                .set(SYNC_RUNS.WATERMARK_BEFORE, Times.odt(watermarkBefore))
                .set(SYNC_RUNS.NODE, node)
                .execute();
        return true;
    }

    @Override
    public void progress(SyncRunId runId, SyncProgress progress, Instant at) {
        dsl.update(SYNC_RUNS)
                .set(SYNC_RUNS.PAGES_FETCHED, progress.pagesFetched())
                .set(SYNC_RUNS.TOTAL_FETCHED, progress.fetched())
                .set(SYNC_RUNS.CREATED_COUNT, progress.created())
                .set(SYNC_RUNS.UPDATED_COUNT, progress.updated())
                .set(SYNC_RUNS.SUCCESS_COUNT, progress.succeeded())
                .set(SYNC_RUNS.SKIPPED_COUNT, progress.skipped())
                .set(SYNC_RUNS.FAILED_COUNT, progress.failed())
                .set(
                        SYNC_RUNS.EXPECTED_TOTAL,
                        progress.expectedTotal().isPresent()
                                ? val(progress.expectedTotal().getAsLong())
                                : SYNC_RUNS.EXPECTED_TOTAL)
                .set(SYNC_RUNS.HEARTBEAT_AT, Times.odt(at))
                .where(SYNC_RUNS.RUN_ID.eq(runId.value()))
                .and(SYNC_RUNS.STATUS.eq(SyncStatus.RUNNING.code()))
                .execute();
    }

    @Override
    public void heartbeat(SyncRunId runId, Instant at) {
        dsl.update(SYNC_RUNS)
                .set(SYNC_RUNS.HEARTBEAT_AT, Times.odt(at))
                .where(SYNC_RUNS.RUN_ID.eq(runId.value()))
                .and(SYNC_RUNS.STATUS.eq(SyncStatus.RUNNING.code()))
                .execute();
    }

    @Override
    public void finish(SyncReport report) {
        try {
            record(report);
        } finally {
            locks.release(report.runId());
        }
    }

    private void record(SyncReport report) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            OffsetDateTime finishedAt = Times.odt(report.finishedAt());
            Map<String, Integer> skipped = new LinkedHashMap<>();
            report.skippedReasons().forEach((SkipReason reason, Integer n) -> skipped.put(reason.code(), n));
            // The report is the truth even for a run failAbandoned gave up on too early: it overwrites that verdict.
            int updated = withError(
                            tx.update(SYNC_RUNS)
                                    .set(SYNC_RUNS.STATUS, report.status().code())
                                    .set(SYNC_RUNS.DRY_RUN, report.dryRun())
                                    .set(
                                            SYNC_RUNS.STARTED_AT,
                                            coalesce(SYNC_RUNS.STARTED_AT, val(Times.odt(report.startedAt()))))
                                    .set(SYNC_RUNS.FINISHED_AT, finishedAt)
                                    .set(SYNC_RUNS.HEARTBEAT_AT, finishedAt)
                                    .set(SYNC_RUNS.CREATED_COUNT, report.created())
                                    .set(SYNC_RUNS.UPDATED_COUNT, report.updated())
                                    .set(SYNC_RUNS.SUCCESS_COUNT, report.successCount())
                                    .set(SYNC_RUNS.SKIPPED_COUNT, report.skippedCount())
                                    .set(SYNC_RUNS.FAILED_COUNT, report.failedCount())
                                    .set(SYNC_RUNS.TOTAL_FETCHED, report.totalFetched())
                                    .set(SYNC_RUNS.PAGES_FETCHED, report.pagesFetched())
                                    .set(SYNC_RUNS.SKIPPED_REASONS, ReasonsJson.write(skipped))
                                    .set(SYNC_RUNS.FAILED_REASONS, ReasonsJson.write(report.failedReasons()))
                                    .set(SYNC_RUNS.WATERMARK_BEFORE, Times.odt(report.watermarkBefore()))
                                    .set(SYNC_RUNS.WATERMARK_AFTER, Times.odt(report.watermarkAfter())),
                            report.error())
                    .where(SYNC_RUNS.RUN_ID.eq(report.runId().value()))
                    .execute();
            if (updated == 0) {
                throw new IllegalStateException("No run " + report.runId() + " to finish");
            }
            ReferralEvents.forFinishedSync(report)
                    .ifPresent(event -> OutboxWriter.append(tx, List.of(event), finishedAt));
            if (report.status().isCompleted()) {
                tx.update(SYNC_STATE)
                        .set(SYNC_STATE.LAST_SUCCESS_AT, finishedAt)
                        .set(SYNC_STATE.UPDATED_AT, finishedAt)
                        .where(SYNC_STATE.ID.eq((short) 1))
                        .execute();
            }
            if (report.watermarkAfter().isPresent() && !report.watermarkAfter().equals(report.watermarkBefore())) {
                tx.update(SYNC_STATE)
                        .set(SYNC_STATE.LAST_RUN_ID, report.runId().value())
                        .where(SYNC_STATE.ID.eq((short) 1))
                        .execute();
            }
        });
    }

    @Override
    public void failQueued(SyncRunId runId, SyncError error, Instant at) {
        dsl.transaction(cfg -> failQueued(cfg.dsl(), runId, error, at));
    }

    private void failQueued(DSLContext tx, SyncRunId runId, SyncError error, Instant at) {
        int updated = withError(
                        tx.update(SYNC_RUNS)
                                .set(SYNC_RUNS.STATUS, SyncStatus.FAILED.code())
                                .set(SYNC_RUNS.FINISHED_AT, Times.odt(at)),
                        Optional.of(error))
                .where(SYNC_RUNS.RUN_ID.eq(runId.value()))
                .and(SYNC_RUNS.STATUS.eq(SyncStatus.QUEUED.code()))
                .execute();
        if (updated == 0 && !tx.fetchExists(SYNC_RUNS, SYNC_RUNS.RUN_ID.eq(runId.value()))) {
            throw new IllegalStateException("No run " + runId);
        }
        if (updated > 0) {
            OutboxWriter.append(tx, List.of(ReferralEvents.forFailedSync(error)), Times.odt(at));
        }
    }

    @Override
    public List<SyncRunId> failAbandoned(Instant heartbeatBefore, Instant now) {
        SyncError error = SyncError.of(
                SyncErrorCode.ABANDONED,
                "The process running this sync stopped sending heartbeats before it finished; the next run resumes "
                        + "from the last stored page.");
        return dsl.transactionResult(cfg -> {
            List<SyncRunId> failed = withError(
                            cfg.dsl()
                                    .update(SYNC_RUNS)
                                    .set(SYNC_RUNS.STATUS, SyncStatus.FAILED.code())
                                    .set(SYNC_RUNS.FINISHED_AT, Times.odt(now)),
                            Optional.of(error))
                    .where(SYNC_RUNS.STATUS.eq(SyncStatus.RUNNING.code()))
                    .and(coalesce(SYNC_RUNS.HEARTBEAT_AT, SYNC_RUNS.STARTED_AT).lt(Times.odt(heartbeatBefore)))
                    .returningResult(SYNC_RUNS.RUN_ID)
                    .fetch(r -> new SyncRunId(r.value1()));
            OutboxWriter.append(
                    cfg.dsl(),
                    failed.stream()
                            .map(run -> ReferralEvents.forFailedSync(error))
                            .toList(),
                    Times.odt(now));
            return failed;
        });
    }

    private static UpdateSetMoreStep<SyncRunsRecord> withError(
            UpdateSetMoreStep<SyncRunsRecord> update, Optional<SyncError> error) {
        return update.set(SYNC_RUNS.ERROR_CODE, error.map(e -> e.code().code()).orElse(null))
                .set(SYNC_RUNS.ERROR_MESSAGE, error.map(SyncError::message).orElse(null))
                .set(
                        SYNC_RUNS.ERROR_HTTP_STATUS,
                        error.flatMap(SyncError::httpStatus).orElse(null))
                .set(
                        SYNC_RUNS.PARTNER_CENTER_ERROR_CODE,
                        error.flatMap(SyncError::partnerCenterErrorCode).orElse(null))
                .set(
                        SYNC_RUNS.PARTNER_CENTER_REQUEST_ID,
                        error.flatMap(SyncError::requestId).orElse(null));
    }

    private Optional<SyncRunId> activeRun(SyncStatus status) {
        return dsl.select(SYNC_RUNS.RUN_ID)
                .from(SYNC_RUNS)
                .where(SYNC_RUNS.STATUS.eq(status.code()))
                .limit(1)
                .fetchOptional(SYNC_RUNS.RUN_ID)
                .map(SyncRunId::new);
    }

    private static boolean isSlotTaken(DataAccessException e, String index) {
        return SqlErrors.uniqueViolation(e).filter(index::equals).isPresent();
    }
}
