package io.hunterreferrals.server;

import io.hunterreferrals.core.notify.DeliverNotifications;
import java.time.Duration;
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

    /** Passes in a row while there is work: a first sync's hundreds of events are not paced by the timer. */
    private static final int MAX_PASSES = 50;

    private final PassLoop loop;

    private NotificationWorker(PassLoop loop) {
        this.loop = loop;
    }

    static NotificationWorker start(DeliverNotifications deliver, Duration interval, Duration retention) {
        return new NotificationWorker(PassLoop.start(
                "hunter-notifications",
                LOG,
                "notification",
                interval,
                MAX_PASSES,
                () -> deliver.runOnce().didSomething(),
                () -> deliver.purge(retention)));
    }

    /** Stops after the running pass's current delivery: its lease runs out and another worker sends it again. */
    @Override
    public void close() {
        loop.close();
    }
}
