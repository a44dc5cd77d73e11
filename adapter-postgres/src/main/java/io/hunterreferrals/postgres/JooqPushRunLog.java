package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.DYNAMICS_PUSH_RUNS;

import io.hunterreferrals.core.notify.ReferralEvents;
import io.hunterreferrals.core.push.PushError;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.PushRunLog;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.postgres.jooq.tables.DynamicsPushRuns;
import io.hunterreferrals.postgres.jooq.tables.records.DynamicsPushRunsRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.UpdateSetMoreStep;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PushRunLog} on PostgreSQL ({@code dynamics_push_runs}). A run holds a session-level advisory lock from
 * {@link #start} to {@link #finish}, on a connection of its own: whoever takes the lock is the only push running, in
 * any process or instance on the database, and a process that dies takes its session, and so the lock, with it. So the
 * start that wins the lock knows a row still {@code running} belongs to a dead process and records it failed
 * ({@code abandoned}) at once, with no heartbeat and no sweeper. Thread-safe.
 *
 * <p>The lock is only as alive as its connection: a run whose connection the network or the server drops while its
 * process goes on no longer excludes the next start, which then records it abandoned; its own {@link #finish} still
 * writes its report.
 */
public final class JooqPushRunLog implements PushRunLog {

    /**
     * The lock's key, in {@code pg_try_advisory_lock(int, int)}'s key space, which does not overlap the {@code bigint}
     * one each sync run's lock uses ({@link RunLocks}): "HUNT", "PUSH".
     */
    static final int LOCK_CLASS = 0x48554E54;

    static final int LOCK_PUSH = 0x50555348;
    /** How the lock's sessions show in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "hunter-push-lock";

    private static final Logger LOG = LoggerFactory.getLogger(JooqPushRunLog.class);
    private static final DynamicsPushRuns RUNS = DYNAMICS_PUSH_RUNS;
    private static final String RUNNING = "running";
    /** The lock taken and no row running yet, or a row finished and its lock not freed yet: both last milliseconds. */
    private static final int ATTEMPTS = 40;

    private static final long PAUSE_MILLIS = 25;

    private final DataSource dataSource;
    private final DSLContext dsl;
    private final String node;
    private final Map<PushRunId, Connection> held = new ConcurrentHashMap<>();

    /**
     * @param node the host and process recorded as having run each started run, e.g.
     *     {@link JooqSyncRunLog#currentNode()}
     */
    public JooqPushRunLog(DataSource dataSource, String node) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dsl = Jooq.using(dataSource);
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public PushClaim start(PushRunId runId, PushRequest request, Instant at) {
        for (int attempt = 1; ; attempt++) {
            Optional<Connection> lock = tryLock();
            if (lock.isPresent()) {
                try {
                    record(runId, request, at);
                } catch (RuntimeException e) {
                    unlock(lock.get());
                    throw e;
                }
                held.put(runId, lock.get());
                return new PushClaim.Started();
            }
            Optional<PushRunId> running = running();
            if (running.isPresent()) {
                return new PushClaim.Busy(running.get());
            }
            if (attempt >= ATTEMPTS) {
                throw new IllegalStateException(
                        "Another session holds the push lock, but no push run is recorded running");
            }
            pause();
        }
    }

    /** The lock is this run's: a row still running is a dead process's. Both writes commit together. */
    private void record(PushRunId runId, PushRequest request, Instant at) {
        PushError abandoned = PushError.of(
                PushErrorCode.ABANDONED,
                "The process running this push ended before it "
                        + "finished (it was killed or lost its database session); every result recorded "
                        + "before that is kept, "
                        + "and the next push goes on from there.");
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            withError(
                            tx.update(RUNS)
                                    .set(RUNS.STATUS, PushRunStatus.FAILED.code())
                                    .set(RUNS.FINISHED_AT, Times.odt(at)),
                            Optional.of(abandoned))
                    .where(RUNS.STATUS.eq(RUNNING))
                    .execute();
            tx.insertInto(RUNS)
                    .set(RUNS.RUN_ID, runId.value())
                    .set(RUNS.TRIGGER, request.trigger().code())
                    .set(RUNS.DRY_RUN, request.dryRun())
                    .set(
                            RUNS.ONLY_REFERRAL_ID,
                            request.referral()
                                    .map(ReferralId::value)
                                    .map(PostgresText::text)
                                    .orElse(null))
                    .set(RUNS.STATUS, RUNNING)
                    .set(RUNS.STARTED_AT, Times.odt(at))
                    .set(RUNS.NODE, node)
                    .execute();
        });
    }

    /** Writes the report, then frees the lock and closes its session, whatever the write did. */
    @Override
    public void finish(PushReport report) {
        try {
            // The report is the truth even for a run a later start recorded abandoned (its session was lost). The
            // run's dynamics.push_failed event commits with it.
            dsl.transaction(cfg -> {
                int updated = withError(
                                cfg.dsl()
                                        .update(RUNS)
                                        .set(RUNS.STATUS, report.status().code())
                                        .set(RUNS.DRY_RUN, report.dryRun())
                                        .set(RUNS.FINISHED_AT, Times.odt(report.finishedAt()))
                                        .set(RUNS.CREATED_COUNT, report.created())
                                        .set(RUNS.UPDATED_COUNT, report.updated())
                                        .set(RUNS.SKIPPED_REASONS, ReasonsJson.write(report.skipped()))
                                        .set(RUNS.FAILED_REASONS, ReasonsJson.write(report.failed())),
                                report.error())
                        .where(RUNS.RUN_ID.eq(report.runId().value()))
                        .execute();
                if (updated == 0) {
                    throw new IllegalStateException("No push run " + report.runId() + " to finish");
                }
                ReferralEvents.forFinishedPush(report)
                        .ifPresent(event -> OutboxWriter.append(
                                cfg.dsl(), java.util.List.of(event), Times.odt(report.finishedAt())));
            });
        } finally {
            Connection lock = held.remove(report.runId());
            if (lock != null) {
                unlock(lock);
            }
        }
    }

    private Optional<PushRunId> running() {
        return dsl.select(RUNS.RUN_ID)
                .from(RUNS)
                .where(RUNS.STATUS.eq(RUNNING))
                .limit(1)
                .fetchOptional(RUNS.RUN_ID)
                .map(PushRunId::new);
    }

    /** The lock on a new session kept open, or empty when another session holds it. */
    private Optional<Connection> tryLock() {
        Connection session = null;
        try {
            session = RunLocks.openSession(dataSource, APPLICATION_NAME);
            if (call(session, "SELECT pg_try_advisory_lock(?, ?)")) {
                return Optional.of(session);
            }
            close(session);
            return Optional.empty();
        } catch (SQLException e) {
            close(session);
            throw SqlErrors.translate(new DataAccessException("Could not take the push lock", e));
        }
    }

    private static void unlock(Connection session) {
        try {
            call(session, "SELECT pg_advisory_unlock(?, ?)");
        } catch (SQLException | RuntimeException e) {
            // a broken connection took its session, and the lock, with it
            LOG.atDebug().log("push_run_unlock_failed");
        } finally {
            close(session);
        }
    }

    private static boolean call(Connection session, String sql) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            statement.setInt(2, LOCK_PUSH);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do with it
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the push lock's holder", e);
        }
    }

    private static UpdateSetMoreStep<DynamicsPushRunsRecord> withError(
            UpdateSetMoreStep<DynamicsPushRunsRecord> update, Optional<PushError> error) {
        return update.set(RUNS.ERROR_CODE, error.map(e -> e.code().code()).orElse(null))
                .set(
                        RUNS.ERROR_MESSAGE,
                        error.map(e -> PostgresText.text(e.message())).orElse(null))
                .set(
                        RUNS.ERROR_HTTP_STATUS,
                        error.flatMap(PushError::httpStatus).orElse(null))
                .set(
                        RUNS.DESTINATION_ERROR_CODE,
                        error.flatMap(PushError::destinationErrorCode)
                                .map(PostgresText::text)
                                .orElse(null))
                .set(
                        RUNS.REQUEST_ID,
                        error.flatMap(PushError::requestId)
                                .map(PostgresText::text)
                                .orElse(null));
    }
}
