package io.hunterreferrals.server;

import io.hunterreferrals.core.notify.DeliverNotifications;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the delivery worker's passes on its own thread in the roles that run the scheduler: a pass every
 * {@code interval} (sooner again while a pass found work), and the retention purge once an hour. Any number of worker
 * processes may run this at once: the outbox leases deliveries ({@code FOR UPDATE SKIP LOCKED}), so each goes to one. A
 * pass that fails (the database away) is logged and the next one tries again.
 */
final class NotificationWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.notify");
    /** How soon a new event is sent at the latest: a referral is worth most in its first minutes. */
    static final Duration PASS_INTERVAL = Duration.ofSeconds(2);

    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final DeliverNotifications deliver;
    private final Duration retention;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hunter-notifications");
        t.setDaemon(true);
        return t;
    });

    private NotificationWorker(DeliverNotifications deliver, Duration retention) {
        this.deliver = deliver;
        this.retention = retention;
    }

    static NotificationWorker start(DeliverNotifications deliver, Duration interval, Duration retention) {
        NotificationWorker worker = new NotificationWorker(deliver, retention);
        worker.thread.scheduleWithFixedDelay(worker::pass, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        worker.thread.scheduleWithFixedDelay(
                worker::purge, PURGE_EVERY.toMillis(), PURGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return worker;
    }

    private void pass() {
        try {
            // keep going while there is work, so a burst (a first sync's hundreds of events) is not paced by the timer
            for (int i = 0; i < 50 && deliver.runOnce().didSomething(); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .setMessage("notification_pass_failed")
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
        }
    }

    private void purge() {
        try {
            deliver.purge(retention);
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .setMessage("notification_purge_failed")
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
        }
    }

    /** Stops after the running pass's current delivery: its lease runs out and another worker sends it again. */
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
