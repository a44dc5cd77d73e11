package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.DYNAMICS_PUSH_RUNS;

import io.hunterreferrals.core.push.PushError;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.PushRunLog;
import io.hunterreferrals.core.testing.PushRunLogContract;
import io.hunterreferrals.postgres.jooq.tables.records.DynamicsPushRunsRecord;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresPushRunLogContractTest extends PushRunLogContract {

    private final DataSource ds;
    // kept reachable: pgjdbc closes a connection nobody can reach any more, and with it a run's lock
    private PushRunLog elsewhere;

    PostgresPushRunLogContractTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Override
    protected PushRunLog createLog() {
        elsewhere = new JooqPushRunLog(ds, "test-host/2");
        return new JooqPushRunLog(ds, "test-host/1");
    }

    @Override
    protected PushRunLog sameRecordsElsewhere() {
        return elsewhere;
    }

    @Override
    protected Optional<PushReport> finished(PushRunId runId) {
        return Seed.dsl(ds)
                .selectFrom(DYNAMICS_PUSH_RUNS)
                .where(DYNAMICS_PUSH_RUNS.RUN_ID.eq(runId.value()))
                .and(DYNAMICS_PUSH_RUNS.FINISHED_AT.isNotNull())
                .fetchOptional(PostgresPushRunLogContractTest::report);
    }

    /** A finished run's row read back as the report it was written from. */
    static PushReport report(DynamicsPushRunsRecord row) {
        Optional<PushError> error = Optional.ofNullable(row.getErrorCode())
                .map(code -> new PushError(
                        PushErrorCode.fromCode(code).orElse(PushErrorCode.UNRECOGNISED),
                        row.getErrorMessage(),
                        Optional.ofNullable(row.getErrorHttpStatus()),
                        Optional.ofNullable(row.getDestinationErrorCode()),
                        Optional.ofNullable(row.getRequestId())));
        return new PushReport(
                new PushRunId(row.getRunId()),
                PushTrigger.fromCode(row.getTrigger()),
                row.getDryRun(),
                PushRunStatus.fromCode(row.getStatus()),
                row.getCreatedCount(),
                row.getUpdatedCount(),
                ReasonsJson.read(row.getSkippedReasons()),
                ReasonsJson.read(row.getFailedReasons()),
                row.getStartedAt().toInstant(),
                row.getFinishedAt().toInstant(),
                error);
    }
}
