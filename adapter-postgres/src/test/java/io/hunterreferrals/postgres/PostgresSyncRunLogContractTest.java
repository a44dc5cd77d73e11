package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.SYNC_RUNS;

import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncRunLog;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.testing.SyncRunLogContract;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresSyncRunLogContractTest extends SyncRunLogContract {

    private final DataSource ds;

    PostgresSyncRunLogContractTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Override
    protected SyncRunLog createLog() {
        return new JooqSyncRunLog(ds, "test-host/1");
    }

    @Override
    protected SyncStatus statusOf(SyncRunId runId) {
        return SyncStatus.fromCode(Seed.dsl(ds)
                .select(SYNC_RUNS.STATUS)
                .from(SYNC_RUNS)
                .where(SYNC_RUNS.RUN_ID.eq(runId.value()))
                .fetchSingle(SYNC_RUNS.STATUS));
    }

    @Override
    protected SyncRunView viewOf(SyncRunId runId) {
        return new JooqSyncRunQueries(ds).find(runId).orElseThrow();
    }
}
