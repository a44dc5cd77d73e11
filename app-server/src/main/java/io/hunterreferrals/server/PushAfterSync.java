package io.hunterreferrals.server;

import io.hunterreferrals.core.push.PushDispatcher;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hamle 2 follows every sync that stored something: a finished (or partial) run hands a push to the worker, which sends
 * what the sync changed. A failed or dry run does not: the next successful one will.
 */
final class PushAfterSync implements SyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(PushAfterSync.class);

    private final PushDispatcher dispatcher;

    PushAfterSync(PushDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void runFinished(SyncReport report) {
        if (report.status() == SyncStatus.FAILED || report.dryRun()) {
            return;
        }
        try {
            PushDispatcher.Dispatched dispatched = dispatcher.dispatch(PushTrigger.AFTER_SYNC);
            LOG.atInfo()
                    .addKeyValue("task_id", report.runId().toString())
                    .addKeyValue("result", dispatched == PushDispatcher.Dispatched.QUEUED ? "queued" : "already_queued")
                    .log("dynamics_push_requested");
        } catch (RuntimeException e) {
            // the sync's outcome is recorded already; the next sync asks again
            LOG.atWarn()
                    .addKeyValue("task_id", report.runId().toString())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("dynamics_push_enqueue_failed");
        }
    }
}
