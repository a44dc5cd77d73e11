package io.hunterreferrals.server;

import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncRunId;

/**
 * Graceful shutdown for a running sync. The sync stops after the page in hand when its thread is interrupted, but an
 * interrupt that lands during a Partner Center call aborts that call (the run fails with {@code network_error}). So the
 * interrupt is raised on the syncing thread itself, right after a page was stored, where the sync checks for it. A page
 * that hangs (a long Retry-After) is cut off by the scheduler's shutdown deadline instead.
 */
final class StopSignal implements SyncListener {

    private volatile boolean stopping;

    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    @Override
    public void pageProcessed(SyncRunId runId, SyncProgress progress) {
        if (stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
