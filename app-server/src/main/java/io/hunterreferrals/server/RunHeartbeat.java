package io.hunterreferrals.server;

import io.hunterreferrals.core.sync.SourceQuery;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncRunLog;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code sync_runs.heartbeat_at} fresh while a run executes. The sync records progress (which also beats) only
 * after each page, and one page can take minutes when Partner Center throttles; without this, another node's sweep
 * would take a live run for abandoned. It beats with {@link SyncRunLog#heartbeat}, which leaves the progress alone and
 * only touches a run that is still running, so a beat racing the finish changes nothing.
 */
final class RunHeartbeat implements SyncListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.hunterreferrals.sync.heartbeat");

    private final SyncRunLog runLog;
    private final Clock clock;
    private final AtomicReference<SyncRunId> current = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hunter-run-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    RunHeartbeat(SyncRunLog runLog, Duration interval, Clock clock) {
        this.runLog = runLog;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void runStarted(SyncRunId runId, SyncRequest request, SourceQuery query) {
        current.set(runId);
    }

    @Override
    public void runFinished(SyncReport report) {
        current.set(null);
    }

    private void beat() {
        SyncRunId runId = current.get();
        if (runId == null) {
            return;
        }
        try {
            runLog.heartbeat(runId, clock.instant());
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next beat tries again.
            LOG.atDebug()
                    .setMessage("partner_center_sync_heartbeat_failed")
                    .addKeyValue("task_id", runId.toString())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
