package io.hunterreferrals.postgres;

import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.push.PushStateStore;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.testing.PushStateWriteBackContract;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The write-back contract on rows the sync's own store wrote (eTag, externalReferenceId) and the V11 columns. */
@ExtendWith(PostgresExtension.class)
class PostgresPushStateWriteBackContractTest extends PushStateWriteBackContract {

    private final DataSource ds;
    private JooqPushStateStore jooq;

    PostgresPushStateWriteBackContractTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Override
    protected PushStateStore createStore() {
        jooq = new JooqPushStateStore(ds);
        return jooq;
    }

    @Override
    protected PushCandidate storeAsTheSyncWould(ReferralRecord record) {
        new JooqReferralStore(ds)
                .writePage(new PageWrite(
                        SyncRunId.random(), List.of(record), List.of(), List.of(), Instant.now(), Optional.empty()));
        return jooq.find(record.referral().id()).orElseThrow();
    }
}
