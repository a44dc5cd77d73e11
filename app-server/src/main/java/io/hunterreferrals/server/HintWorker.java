package io.hunterreferrals.server;

import io.hunterreferrals.core.webhook.ApplyHints;
import io.hunterreferrals.core.webhook.HintQueue;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Partner Center webhook hints on its own thread in the roles that run the scheduler: a pass every
 * {@link #PASS_INTERVAL} (sooner again while a pass found work), and the purge of settled hints once an hour. Any
 * number of worker processes may run this: the queue leases its hints. A pass that fails (the database away) is logged
 * and the next one tries again; the hints wait on the queue.
 */
final class HintWorker implements AutoCloseable {

    /** How long a hinted referral waits at most before it is read: the point of a webhook is seconds, not minutes. */
    static final Duration PASS_INTERVAL = Duration.ofSeconds(1);

    /**
     * Settled hints are kept this long, so Partner Center's late retries of a call still find it and change nothing.
     */
    static final Duration RETENTION = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.webhook");

    /** Sync runs in a row while hints are due: a burst (many referrals changed at once) goes run after run. */
    private static final int MAX_RUNS_PER_PASS = 20;

    private final PassLoop loop;

    private HintWorker(PassLoop loop) {
        this.loop = loop;
    }

    static HintWorker start(ApplyHints apply, HintQueue queue, Clock clock) {
        return new HintWorker(PassLoop.start(
                "hunter-webhook-hints",
                LOG,
                "partner_center_webhook",
                PASS_INTERVAL,
                MAX_RUNS_PER_PASS,
                // waiting for a busy run slot, or nothing due, ends the pass
                () -> apply.applyDue() instanceof ApplyHints.Pass.Applied,
                () -> purge(queue, clock)));
    }

    private static void purge(HintQueue queue, Clock clock) {
        int purged = queue.purgeSettled(clock.instant().minus(RETENTION));
        if (purged > 0) {
            LOG.atInfo()
                    .setMessage("partner_center_webhook_hints_purged")
                    .addKeyValue("hints", purged)
                    .log();
        }
    }

    /** Stops after the running pass's sync run: hints it did not settle are leased, and free again after the lease. */
    @Override
    public void close() {
        loop.close();
    }
}
