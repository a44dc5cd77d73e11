package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.DYNAMICS_PUSH_RUNS;
import static io.hunterreferrals.postgres.jooq.Tables.DYNAMICS_PUSH_STATE;

import io.hunterreferrals.core.push.PushError;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.push.PushQueries;
import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.PushRunView;
import io.hunterreferrals.core.push.PushState;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.postgres.jooq.tables.records.DynamicsPushRunsRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/** {@link PushQueries} on PostgreSQL: {@code dynamics_push_runs} and {@code dynamics_push_state}, read only. */
public final class JooqPushQueries implements PushQueries {

    static final int MAX_RUNS = 100;

    private final DSLContext dsl;

    public JooqPushQueries(DataSource dataSource) {
        this.dsl = Jooq.using(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public List<PushRunView> recentRuns(int limit) {
        if (limit < 1 || limit > MAX_RUNS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RUNS);
        }
        // dynamics_push_runs_started_at_idx
        return dsl.selectFrom(DYNAMICS_PUSH_RUNS)
                .orderBy(DYNAMICS_PUSH_RUNS.STARTED_AT.desc(), DYNAMICS_PUSH_RUNS.RUN_ID)
                .limit(limit)
                .fetch(JooqPushQueries::view);
    }

    @Override
    public Optional<PushRunView> run(PushRunId runId) {
        return dsl.selectFrom(DYNAMICS_PUSH_RUNS)
                .where(DYNAMICS_PUSH_RUNS.RUN_ID.eq(runId.value()))
                .fetchOptional(JooqPushQueries::view);
    }

    @Override
    public Optional<PushState> state(ReferralId referral) {
        return dsl.selectFrom(DYNAMICS_PUSH_STATE)
                .where(DYNAMICS_PUSH_STATE.REFERRAL_ID.eq(referral.value()))
                .fetchOptional(PushStateRows::state);
    }

    private static PushRunView view(DynamicsPushRunsRecord row) {
        // a code written by another version reads as unrecognised, its text kept in the message
        Optional<PushError> error = Optional.ofNullable(row.getErrorCode()).map(code -> {
            Optional<PushErrorCode> known = PushErrorCode.fromCode(code);
            String message = Objects.requireNonNullElse(row.getErrorMessage(), "");
            return new PushError(
                    known.orElse(PushErrorCode.UNRECOGNISED),
                    known.isPresent() ? message : code + ": " + message,
                    Optional.ofNullable(row.getErrorHttpStatus()),
                    Optional.ofNullable(row.getDestinationErrorCode()),
                    Optional.ofNullable(row.getRequestId()));
        });
        Optional<PushRunStatus> outcome = PushRunView.RUNNING.equals(row.getStatus())
                ? Optional.empty()
                : Optional.of(PushRunStatus.fromCode(row.getStatus()));
        return new PushRunView(
                new PushRunId(row.getRunId()),
                PushTrigger.fromCode(row.getTrigger()),
                row.getDryRun(),
                Optional.ofNullable(row.getOnlyReferralId()).map(ReferralId::of),
                outcome,
                Times.instant(row.getStartedAt()),
                Times.optional(row.getFinishedAt()),
                row.getCreatedCount(),
                row.getUpdatedCount(),
                ReasonsJson.read(row.getSkippedReasons()),
                ReasonsJson.read(row.getFailedReasons()),
                error);
    }
}
