package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.SYNC_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncErrorCode;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What only PostgreSQL's run history does: the node it names, the row's own columns, codes stored by another version.
 * Active, last finished, the history's order and each run's times and report are the port's, in SyncRunQueriesContract
 * (PostgresSyncRunQueriesContractTest).
 */
@ExtendWith(PostgresExtension.class)
class SyncRunQueriesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final SyncRequest SCHEDULED = SyncRequest.of(SyncTrigger.SCHEDULED, SyncMode.INCREMENTAL);

    private final DataSource ds;
    private final JooqSyncRunLog log;
    private final JooqSyncRunQueries runs;

    SyncRunQueriesTest(DataSource ds) {
        this.ds = ds;
        this.log = new JooqSyncRunLog(ds, "web-1/777");
        this.runs = new JooqSyncRunQueries(ds);
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Test
    void namesTheNodeTheLogWasGiven() {
        SyncRunId run = SyncRunId.random();
        log.start(run, SCHEDULED, T0, Optional.empty());

        assertThat(runs.find(run).orElseThrow().node()).contains("web-1/777");
    }

    @Test
    void theRowCarriesTheSplitAndTheSumWhileRunning() {
        SyncRunId running = SyncRunId.random();
        log.start(running, SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL), T0, Optional.empty());
        log.progress(running, new SyncProgress(2, 200, 100, 50, 40, 10, OptionalLong.of(1000)), T0.plusSeconds(30));

        // for anyone reading sync_runs directly
        assertThat(Seed.dsl(ds)
                        .select(SYNC_RUNS.CREATED_COUNT, SYNC_RUNS.UPDATED_COUNT, SYNC_RUNS.SUCCESS_COUNT)
                        .from(SYNC_RUNS)
                        .where(SYNC_RUNS.RUN_ID.eq(running.value()))
                        .fetchSingle()
                        .intoArray())
                .containsExactly(100, 50, 150);
    }

    @Test
    void aCodeStoredByAnotherVersionIsShownAsUnrecognisedWithItsText() {
        SyncRunId old = SyncRunId.random();
        log.start(old, SCHEDULED, T0, Optional.empty());
        log.failAbandoned(T0.plusSeconds(600), T0.plusSeconds(900));
        DSL.using(ds, SQLDialect.POSTGRES)
                .update(SYNC_RUNS)
                .set(SYNC_RUNS.ERROR_CODE, "token_expired")
                .set(SYNC_RUNS.ERROR_MESSAGE, "Sign in again")
                .where(SYNC_RUNS.RUN_ID.eq(old.value()))
                .execute();

        SyncError error = runs.find(old).orElseThrow().error().orElseThrow();
        assertThat(error.code()).isEqualTo(SyncErrorCode.UNRECOGNISED);
        assertThat(error.message()).isEqualTo("[token_expired] Sign in again");
    }
}
