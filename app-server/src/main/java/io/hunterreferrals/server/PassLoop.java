package io.hunterreferrals.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * The thread of a queue worker (notification deliveries, webhook hints): a pass every {@code interval}, repeated at
 * once while it found work (up to {@code maxPasses}, so a burst is not paced by the timer), and the queue's purge once
 * an hour. A pass or purge that fails (the database away) is logged as {@code <event>_pass_failed} or
 * {@code <event>_purge_failed} and the next one tries again.
 */
final class PassLoop implements AutoCloseable {

    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final Logger log;
    private final String event;
    private final int maxPasses;
    private final BooleanSupplier pass;
    private final Runnable purge;
    private final ScheduledExecutorService thread;

    private PassLoop(String threadName, Logger log, String event, int maxPasses, BooleanSupplier pass, Runnable purge) {
        this.log = log;
        this.event = event;
        this.maxPasses = maxPasses;
        this.pass = pass;
        this.purge = purge;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param pass one pass over the queue; true when it did something, so another may follow at once
     * @param purge drops what the queue keeps no longer
     */
    static PassLoop start(
            String threadName,
            Logger log,
            String event,
            Duration interval,
            int maxPasses,
            BooleanSupplier pass,
            Runnable purge) {
        PassLoop loop = new PassLoop(threadName, log, event, maxPasses, pass, purge);
        loop.thread.scheduleWithFixedDelay(loop::passes, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        loop.thread.scheduleWithFixedDelay(
                loop::purge, PURGE_EVERY.toMillis(), PURGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return loop;
    }

    private void passes() {
        try {
            for (int i = 0; i < maxPasses && !Thread.currentThread().isInterrupted(); i++) {
                if (!pass.getAsBoolean()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            failed("_pass_failed", e);
        }
    }

    private void purge() {
        try {
            purge.run();
        } catch (RuntimeException e) {
            failed("_purge_failed", e);
        }
    }

    private void failed(String suffix, RuntimeException e) {
        log.atWarn()
                .setMessage(event + suffix)
                .addKeyValue("error", e.getClass().getSimpleName())
                .log();
    }

    /** Stops after the running pass's current item: what it leased is free again once the lease runs out. */
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
