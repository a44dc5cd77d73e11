package io.hunterreferrals.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hunterreferrals.core.testing.InMemorySyncRunLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncQueueTest {

    private final InMemorySyncRunLog runLog = new InMemorySyncRunLog();
    private final List<SyncRequest> dispatched = new ArrayList<>();
    private final SyncQueue queue = new SyncQueue(runLog, dispatched::add, Clock.systemUTC());

    @Test
    void queuesAndDispatchesARunUnderANewTaskId() {
        EnqueueOutcome outcome = queue.request(SyncTrigger.MANUAL, SyncMode.FULL);

        assertThat(outcome).isInstanceOf(EnqueueOutcome.Enqueued.class);
        assertThat(dispatched).singleElement().satisfies(request -> {
            assertThat(request.queuedRun()).contains(outcome.runId());
            assertThat(request.mode()).isEqualTo(SyncMode.FULL);
            assertThat(request.trigger()).isEqualTo(SyncTrigger.MANUAL);
        });
        assertThat(runLog.run(outcome.runId()).orElseThrow().status()).isEqualTo(SyncStatus.QUEUED);
    }

    @Test
    void answersWithTheActiveRunInsteadOfQueueingAnother() {
        EnqueueOutcome first = queue.request(SyncTrigger.MANUAL, SyncMode.INCREMENTAL);

        EnqueueOutcome second = queue.request(SyncTrigger.MANUAL, SyncMode.INCREMENTAL);

        assertThat(second).isEqualTo(new EnqueueOutcome.AlreadyActive(first.runId()));
        assertThat(dispatched).hasSize(1);
    }

    @Test
    void aRunThatCannotBeDispatchedFailsInsteadOfBlockingTheQueue() {
        SyncQueue broken = new SyncQueue(
                runLog,
                request -> {
                    throw new IllegalStateException("scheduler down");
                },
                Clock.systemUTC());

        assertThatThrownBy(() -> broken.request(SyncTrigger.MANUAL, SyncMode.INCREMENTAL))
                .hasMessage("scheduler down");

        assertThat(runLog.runs()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
            assertThat(run.error().orElseThrow().code()).isEqualTo(SyncErrorCode.DISPATCH_FAILED);
        });
        assertThat(queue.request(SyncTrigger.MANUAL, SyncMode.INCREMENTAL)).isInstanceOf(EnqueueOutcome.Enqueued.class);
    }
}
