package io.hunterreferrals.postgres;

import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.sync.SyncRunLog;
import io.hunterreferrals.core.testing.SyncRunQueriesContract;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresSyncRunQueriesContractTest extends SyncRunQueriesContract {

    private final DataSource ds;

    PostgresSyncRunQueriesContractTest(DataSource ds) {
        this.ds = ds;
    }

    // Emptied when the contract asks for the log, the first step of its @BeforeEach (which runs before ours would).
    @Override
    protected SyncRunLog createLog() {
        PostgresExtension.truncateAll(ds);
        return new JooqSyncRunLog(ds, "test-host/1");
    }

    @Override
    protected SyncRunQueries createQueries() {
        return new JooqSyncRunQueries(ds);
    }
}
