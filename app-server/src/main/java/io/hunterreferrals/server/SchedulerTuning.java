package io.hunterreferrals.server;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Timings of the background sync. Production uses {@link #DEFAULTS}; tests shorten them so a scheduled run, a dead node
 * or a busy retry shows within seconds.
 *
 * @param pollingInterval how often db-scheduler looks for due executions (manual triggers from another process wait at
 *     most this long; in the same process they start immediately)
 * @param schedulerHeartbeat db-scheduler's heartbeat of an execution; it declares it dead after 6 missed beats
 * @param runHeartbeat how often a running sync refreshes {@code sync_runs.heartbeat_at}, also while a page is being
 *     fetched or retried
 * @param abandonedAfter a running run whose heartbeat is older than this is marked failed (its node died)
 * @param sweepInterval how often that check runs
 * @param busyRetryDelay a manual trigger that finds another run in progress tries again after this
 * @param reconcileAt daily full reconcile, UTC
 * @param shutdownMaxWait how long a shutdown waits for a running sync to finish its page
 */
record SchedulerTuning(
        Duration pollingInterval,
        Duration schedulerHeartbeat,
        Duration runHeartbeat,
        Duration abandonedAfter,
        Duration sweepInterval,
        Duration busyRetryDelay,
        LocalTime reconcileAt,
        Duration shutdownMaxWait) {

    static final SchedulerTuning DEFAULTS = new SchedulerTuning(
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofMinutes(1),
            Duration.ofSeconds(10),
            LocalTime.of(3, 30),
            Duration.ofSeconds(60));

    SchedulerTuning {
        Objects.requireNonNull(pollingInterval, "pollingInterval");
        Objects.requireNonNull(schedulerHeartbeat, "schedulerHeartbeat");
        Objects.requireNonNull(runHeartbeat, "runHeartbeat");
        Objects.requireNonNull(abandonedAfter, "abandonedAfter");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        Objects.requireNonNull(busyRetryDelay, "busyRetryDelay");
        Objects.requireNonNull(reconcileAt, "reconcileAt");
        Objects.requireNonNull(shutdownMaxWait, "shutdownMaxWait");
        if (abandonedAfter.compareTo(runHeartbeat.multipliedBy(3)) < 0) {
            // A live run must never look abandoned because one heartbeat was late.
            throw new IllegalArgumentException("abandonedAfter must be at least three run heartbeats");
        }
    }
}
