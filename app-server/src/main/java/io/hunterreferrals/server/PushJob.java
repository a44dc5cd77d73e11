package io.hunterreferrals.server;

import io.hunterreferrals.core.push.PushOutcome;
import io.hunterreferrals.core.push.PushReferrals;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one background push for a scheduler execution (after a sync, or queued from the API). Overlap is the run log's
 * to prevent, across every instance: a push that finds another running tries again later, so the referrals the request
 * was for are never left waiting for the next sync.
 */
final class PushJob {

    /** What became of the execution. */
    enum Result {
        /** Ran, or will never run here (the push is off on this node): remove the execution. */
        DONE,
        /** Another push is running, or this node is stopping: try again later, maybe on another node. */
        RETRY_LATER
    }

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.push.task");

    private final Optional<PushReferrals> push;
    private final StopSignal stop;
    private final PushMetrics metrics;

    /** @param push empty when {@code HUNTER_DYNAMICS_ENABLED} is off on this node */
    PushJob(Optional<PushReferrals> push, StopSignal stop, PushMetrics metrics) {
        this.push = push;
        this.stop = stop;
        this.metrics = metrics;
    }

    Result run(PushTrigger trigger) {
        if (push.isEmpty()) {
            // another node (with the push on) queued it; this one has no Dataverse settings
            LOG.atWarn()
                    .addKeyValue("trigger", trigger.code())
                    .addKeyValue("reason", "dynamics_disabled_on_this_node")
                    .log("dynamics_push_skipped");
            return Result.DONE;
        }
        if (stop.stopping()) {
            return Result.RETRY_LATER;
        }
        PushOutcome outcome;
        try {
            outcome = push.get().push(PushRequest.of(trigger));
        } finally {
            // as for the sync: a shutdown's interrupt has been honoured, and the scheduler must record the completion
            Thread.interrupted();
        }
        if (outcome instanceof PushOutcome.Busy busy) {
            metrics.busy(trigger);
            LOG.atInfo()
                    .addKeyValue("trigger", trigger.code())
                    .addKeyValue("active_run_id", busy.activeRun().toString())
                    .log("dynamics_push_busy");
            return Result.RETRY_LATER;
        }
        return Result.DONE;
    }
}
