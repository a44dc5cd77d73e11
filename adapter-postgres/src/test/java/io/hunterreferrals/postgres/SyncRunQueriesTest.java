package io.hunterreferrals.postgres;

import static io.hunterreferrals.postgres.jooq.Tables.SYNC_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.sync.SkipReason;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncErrorCode;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.hunterreferrals.postgres.testing.PostgresExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
    void showsTheWholeReportOfAFinishedRun() {
        SyncRunId ok = SyncRunId.random();
        log.start(ok, SCHEDULED, T0, Optional.of(T0.minusSeconds(3600)));
        log.finish(new SyncReport(ok, SyncTrigger.SCHEDULED, SyncMode.INCREMENTAL, false, SyncStatus.PARTIAL, 7, 3,
                Map.of(SkipReason.UNCHANGED, 12, SkipReason.STATUS, 2), Map.of("missing_id", 1), 3, 25, T0,
                T0.plusSeconds(9), Optional.of(T0.minusSeconds(3600)), Optional.of(T0.minusSeconds(60)), Optional.empty()));

        SyncRunView view = runs.find(ok).orElseThrow();

        assertThat(view.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(view.trigger()).isEqualTo(SyncTrigger.SCHEDULED);
        assertThat(view.created()).isEqualTo(7);
        assertThat(view.updated()).isEqualTo(3);
        assertThat(view.skipped()).isEqualTo(14);
        assertThat(view.failed()).isEqualTo(1);
        assertThat(view.totalFetched()).isEqualTo(25);
        assertThat(view.pagesFetched()).isEqualTo(3);
        assertThat(view.skippedReasons()).isEqualTo(Map.of("unchanged", 12, "status", 2));
        assertThat(view.failedReasons()).isEqualTo(Map.of("missing_id", 1));
        assertThat(view.startedAt()).contains(T0);
        assertThat(view.finishedAt()).contains(T0.plusSeconds(9));
        assertThat(view.watermarkBefore()).contains(T0.minusSeconds(3600));
        assertThat(view.watermarkAfter()).contains(T0.minusSeconds(60));
        assertThat(view.node()).contains("web-1/777");
        assertThat(view.error()).isEmpty();
        assertThat(runs.lastFinished()).map(SyncRunView::runId).contains(ok);
        assertThat(runs.active()).isEmpty();
    }

    @Test
    void showsWhyARunFailed() {
        SyncRunId failed = SyncRunId.random();
        log.start(failed, SCHEDULED, T0, Optional.empty());
        SyncError error = new SyncError(SyncErrorCode.THROTTLED, "Partner Center asked us to slow down", Optional.of(429),
                Optional.of("TooManyRequests"), Optional.of("req-123"));
        log.finish(new SyncReport(failed, SyncTrigger.SCHEDULED, SyncMode.INCREMENTAL, false, SyncStatus.FAILED, 0, 0,
                Map.of(), Map.of(), 1, 0, T0, T0.plusSeconds(2), Optional.empty(), Optional.empty(), Optional.of(error)));

        assertThat(runs.find(failed).orElseThrow().error()).contains(error);
    }

    @Test
    void showsTheActiveRunWithItsProgress() {
        SyncRunId queued = SyncRunId.random();
        log.enqueue(queued, SCHEDULED, T0);
        assertThat(runs.active()).map(SyncRunView::status).contains(SyncStatus.QUEUED);

        SyncRunId running = SyncRunId.random();
        log.start(running, SyncRequest.of(SyncTrigger.CLI, SyncMode.FULL), T0.plusSeconds(1), Optional.empty());
        log.progress(running, new SyncProgress(2, 200, 100, 50, 40, 10, OptionalLong.of(1000)), T0.plusSeconds(30));

        SyncRunView active = runs.active().orElseThrow();
        assertThat(active.runId()).isEqualTo(running);
        assertThat(active.expectedTotal()).contains(1000L);
        assertThat(active.totalFetched()).isEqualTo(200);
        assertThat(active.created()).isEqualTo(100);
        assertThat(active.updated()).isEqualTo(50);
        assertThat(active.successCount()).isEqualTo(150);
        // The row itself carries the split and the sum while running, for anyone reading sync_runs directly.
        assertThat(Seed.dsl(ds).select(SYNC_RUNS.CREATED_COUNT, SYNC_RUNS.UPDATED_COUNT, SYNC_RUNS.SUCCESS_COUNT)
                .from(SYNC_RUNS).where(SYNC_RUNS.RUN_ID.eq(running.value())).fetchSingle().intoArray())
                .containsExactly(100, 50, 150);
        assertThat(active.skipped()).isEqualTo(40);
        assertThat(active.failed()).isEqualTo(10);
        assertThat(active.heartbeatAt()).contains(T0.plusSeconds(30));
        assertThat(runs.lastFinished()).isEmpty();
    }

    @Test
    void failedQueuedAndAbandonedRunsCarryTheirReason() {
        SyncRunId queued = SyncRunId.random();
        log.enqueue(queued, SCHEDULED, T0);
        log.failQueued(queued, SyncError.of(SyncErrorCode.DISPATCH_FAILED, "The scheduler is down"), T0.plusSeconds(1));
        SyncRunId stale = SyncRunId.random();
        log.start(stale, SCHEDULED, T0.plusSeconds(2), Optional.empty());
        assertThat(log.failAbandoned(T0.plusSeconds(600), T0.plusSeconds(900))).containsExactly(stale);

        SyncRunView dispatch = runs.find(queued).orElseThrow();
        assertThat(dispatch.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(dispatch.startedAt()).isEmpty();
        assertThat(dispatch.error()).map(SyncError::code).contains(SyncErrorCode.DISPATCH_FAILED);
        SyncRunView abandoned = runs.find(stale).orElseThrow();
        assertThat(abandoned.error()).map(SyncError::code).contains(SyncErrorCode.ABANDONED);
        assertThat(abandoned.finishedAt()).contains(T0.plusSeconds(900));
    }

    @Test
    void aCodeStoredByAnotherVersionIsShownAsUnrecognisedWithItsText() {
        SyncRunId old = SyncRunId.random();
        log.start(old, SCHEDULED, T0, Optional.empty());
        log.failAbandoned(T0.plusSeconds(600), T0.plusSeconds(900));
        DSL.using(ds, SQLDialect.POSTGRES).update(SYNC_RUNS).set(SYNC_RUNS.ERROR_CODE, "token_expired").set(SYNC_RUNS.ERROR_MESSAGE, "Sign in again")
                .where(SYNC_RUNS.RUN_ID.eq(old.value())).execute();

        SyncError error = runs.find(old).orElseThrow().error().orElseThrow();
        assertThat(error.code()).isEqualTo(SyncErrorCode.UNRECOGNISED);
        assertThat(error.message()).isEqualTo("[token_expired] Sign in again");
    }

    @Test
    void listsRunsNewestFirst() {
        for (int i = 0; i < 5; i++) {
            SyncRunId id = SyncRunId.random();
            Instant at = T0.plus(i, ChronoUnit.HOURS);
            log.start(id, SCHEDULED, at, Optional.empty());
            log.finish(new SyncReport(id, SyncTrigger.SCHEDULED, SyncMode.INCREMENTAL, false, SyncStatus.SUCCEEDED, i,
                    0, Map.of(), Map.of(), 1, i, at, at.plusSeconds(5), Optional.empty(), Optional.empty(),
                    Optional.empty()));
        }

        Page<SyncRunView> first = runs.runs(new PageRequest(1, 2));
        Page<SyncRunView> last = runs.runs(new PageRequest(3, 2));

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(SyncRunView::created).containsExactly(4, 3);
        assertThat(last.items()).extracting(SyncRunView::created).containsExactly(0);
        assertThat(runs.lastFinished()).map(SyncRunView::created).contains(4);
        assertThat(runs.runs(new PageRequest(1, 50)).items()).extracting(SyncRunView::requestedAt)
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(List.of(first.totalPages())).containsExactly(3L);
    }
}
