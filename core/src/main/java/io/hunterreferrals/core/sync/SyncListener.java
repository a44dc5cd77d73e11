package io.hunterreferrals.core.sync;

import java.util.List;

/**
 * Observes a sync as it runs: logs, metrics and progress bars plug in here. Every method has a no-op default;
 * implementations must be quick and must not throw.
 */
public interface SyncListener {

    SyncListener NONE = new SyncListener() {};

    default void runStarted(SyncRunId runId, SyncRequest request, SourceQuery query) {}

    /** The run did not start because {@code activeRun} is in progress. */
    default void runRejected(SyncRunId runId, SyncRequest request, SyncRunId activeRun) {}

    default void referralProcessed(SyncRunId runId, ReferralOutcome outcome) {}

    default void pageProcessed(SyncRunId runId, SyncProgress progress) {}

    /** The source has no more pages. Not called when fetching failed. */
    default void fetchCompleted(SyncRunId runId, int totalFetched, int pagesFetched) {}

    default void runFinished(SyncReport report) {}

    /** One listener that forwards every event to each of {@code listeners}, in order. */
    static SyncListener all(List<SyncListener> listeners) {
        List<SyncListener> copy = List.copyOf(listeners);
        return new SyncListener() {
            @Override
            public void runStarted(SyncRunId runId, SyncRequest request, SourceQuery query) {
                copy.forEach(l -> l.runStarted(runId, request, query));
            }

            @Override
            public void runRejected(SyncRunId runId, SyncRequest request, SyncRunId activeRun) {
                copy.forEach(l -> l.runRejected(runId, request, activeRun));
            }

            @Override
            public void referralProcessed(SyncRunId runId, ReferralOutcome outcome) {
                copy.forEach(l -> l.referralProcessed(runId, outcome));
            }

            @Override
            public void pageProcessed(SyncRunId runId, SyncProgress progress) {
                copy.forEach(l -> l.pageProcessed(runId, progress));
            }

            @Override
            public void fetchCompleted(SyncRunId runId, int totalFetched, int pagesFetched) {
                copy.forEach(l -> l.fetchCompleted(runId, totalFetched, pagesFetched));
            }

            @Override
            public void runFinished(SyncReport report) {
                copy.forEach(l -> l.runFinished(report));
            }
        };
    }
}
