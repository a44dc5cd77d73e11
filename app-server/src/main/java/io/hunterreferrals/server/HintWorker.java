package io.hunterreferrals.server;

import io.hunterreferrals.core.webhook.ApplyHints;
import io.hunterreferrals.core.webhook.HintQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final int MAX_RUNS_PER_PASS = 20;

    private final ApplyHints apply;
    private final HintQueue queue;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hunter-webhook-hints");
        t.setDaemon(true);
        return t;
    });

    private HintWorker(ApplyHints apply, HintQueue queue, Clock clock) {
        this.apply = apply;
        this.queue = queue;
        this.clock = clock;
    }

    static HintWorker start(ApplyHints apply, HintQueue queue, Clock clock) {
        HintWorker worker = new HintWorker(apply, queue, clock);
        worker.thread.scheduleWithFixedDelay(worker::pass, 0, PASS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        worker.thread.scheduleWithFixedDelay(
                worker::purge, PURGE_EVERY.toMillis(), PURGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return worker;
    }

    private void pass() {
        try {
            for (int i = 0; i < MAX_RUNS_PER_PASS && !Thread.currentThread().isInterrupted(); i++) {
                // a burst (many referrals changed at once) goes run after run; waiting for a busy slot ends the pass
                if (!(apply.applyDue() instanceof ApplyHints.Pass.Applied)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .setMessage("partner_center_webhook_pass_failed")
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
        }
    }

    private void purge() {
        try {
            int purged = queue.purgeSettled(clock.instant().minus(RETENTION));
            if (purged > 0) {
                LOG.atInfo()
                        .setMessage("partner_center_webhook_hints_purged")
                        .addKeyValue("hints", purged)
                        .log();
            }
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .setMessage("partner_center_webhook_purge_failed")
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
        }
    }

    /** Stops after the running pass's sync run: hints it did not settle are leased, and free again after the lease. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
