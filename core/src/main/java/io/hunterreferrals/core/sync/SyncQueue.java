package io.hunterreferrals.core.sync;

import java.time.Clock;
import java.util.Objects;

/**
 * Driving side of asynchronous syncs (the API's sync button, the scheduler): records a queued run, unless one is
 * already queued or running, and dispatches it. The run's id is the task id operators see.
 */
public final class SyncQueue implements RequestSync {

    private final SyncRunLog runLog;
    private final SyncDispatcher dispatcher;
    private final Clock clock;

    public SyncQueue(SyncRunLog runLog, SyncDispatcher dispatcher, Clock clock) {
        this.runLog = Objects.requireNonNull(runLog, "runLog");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public EnqueueOutcome request(SyncTrigger trigger, SyncMode mode) {
        SyncRunId runId = SyncRunId.random();
        SyncRequest request = SyncRequest.of(trigger, mode).forQueuedRun(runId);
        if (runLog.enqueue(runId, request, clock.instant()) instanceof RunClaim.Busy busy) {
            return new EnqueueOutcome.AlreadyActive(busy.activeRun());
        }
        try {
            dispatcher.dispatch(request);
        } catch (RuntimeException e) {
            // A queued run nobody will execute would block every later request.
            runLog.failQueued(
                    runId,
                    SyncError.of(
                            SyncErrorCode.DISPATCH_FAILED,
                            "The sync could not be handed to a worker ("
                                    + e.getClass().getSimpleName() + "); try again."),
                    clock.instant());
            throw e;
        }
        return new EnqueueOutcome.Enqueued(runId);
    }
}
