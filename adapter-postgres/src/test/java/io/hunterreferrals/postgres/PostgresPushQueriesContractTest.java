package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.DYNAMICS_PUSH_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.push.PushCandidate;
import io.hunterreferrals.core.push.PushErrorCode;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.PushRunLog;
import io.hunterreferrals.core.sync.PageWrite;
import io.hunterreferrals.core.sync.ReferralRecord;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.testing.PushQueriesContract;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresPushQueriesContractTest extends PushQueriesContract {

    private final DataSource ds;
    private JooqPushStateStore states;
    // kept reachable: pgjdbc closes a connection nobody can reach any more, and with it a run's lock
    private PushRunLog runs;

    PostgresPushQueriesContractTest(DataSource ds) {
        this.ds = ds;
    }

    @BeforeEach
    void clean() {
        PostgresExtension.truncateAll(ds);
    }

    @Override
    protected Ports createPorts() {
        states = new JooqPushStateStore(ds);
        runs = new JooqPushRunLog(ds, "test-host/1");
        return new Ports(runs, states, new JooqPushQueries(ds));
    }

    @Override
    protected PushCandidate storeAsTheSyncWould(ReferralRecord record) {
        new JooqReferralStore(ds)
                .writePage(new PageWrite(
                        SyncRunId.random(), List.of(record), List.of(), List.of(), Instant.now(), Optional.empty()));
        return states.find(record.referral().id()).orElseThrow();
    }

    @Test
    void anErrorCodeFromAnotherVersionReadsAsUnrecognisedWithItsText() {
        PushRunId run = PushRunId.random();
        Seed.dsl(ds)
                .insertInto(DYNAMICS_PUSH_RUNS)
                .set(DYNAMICS_PUSH_RUNS.RUN_ID, run.value())
                .set(DYNAMICS_PUSH_RUNS.TRIGGER, PushTrigger.AFTER_SYNC.code())
                .set(DYNAMICS_PUSH_RUNS.STATUS, "failed")
                .set(DYNAMICS_PUSH_RUNS.STARTED_AT, OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC))
                .set(DYNAMICS_PUSH_RUNS.FINISHED_AT, OffsetDateTime.of(2026, 12, 1, 9, 1, 0, 0, ZoneOffset.UTC))
                .set(DYNAMICS_PUSH_RUNS.ERROR_CODE, "dynamics_quota_exceeded")
                .set(DYNAMICS_PUSH_RUNS.ERROR_MESSAGE, "Out of API calls")
                .execute();

        var error = ports.queries().run(run).orElseThrow().error().orElseThrow();

        assertThat(error.code()).isEqualTo(PushErrorCode.UNRECOGNISED);
        assertThat(error.message()).isEqualTo("dynamics_quota_exceeded: Out of API calls");
    }

    @Test
    void aRunningRunStartedHereIsShownRunning() {
        PushRunId run = PushRunId.random();
        runs.start(run, PushRequest.of(PushTrigger.CLI), Instant.parse("2026-12-01T09:00:00Z"));

        assertThat(ports.queries().recentRuns(1).getFirst().statusCode()).isEqualTo("running");
    }
}
