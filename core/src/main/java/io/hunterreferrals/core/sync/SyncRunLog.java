package io.hunterreferrals.core.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the record of every sync run, and the guard that keeps runs from overlapping, whoever triggers them
 * (API, schedule, a CLI on another machine).
 */
public interface SyncRunLog {

    /** Records a queued run, unless a run is already queued or running. */
    RunClaim enqueue(SyncRunId runId, SyncRequest request, Instant requestedAt);

    /**
     * Marks the run running (recording it first if it was never queued), unless another run is running. A queued run
     * that cannot start stays queued.
     */
    RunClaim start(SyncRunId runId, SyncRequest request, Instant startedAt, Optional<Instant> watermarkBefore);

    /** Records progress of a run that is still running; doubles as the run's heartbeat. */
    void progress(SyncRunId runId, SyncProgress progress, Instant at);

    /**
     * Records that a run that is still running is alive, without touching its progress: a page can take minutes
     * (throttling), and a run without heartbeats is taken for abandoned ({@link #failAbandoned}). A beat for a run that
     * is no longer running changes nothing, so a late beat never revives or alters a finished run.
     */
    void heartbeat(SyncRunId runId, Instant at);

    /** Records the final report. */
    void finish(SyncReport report);

    /** Marks a run that is still queued as failed, e.g. when it could not be dispatched. */
    void failQueued(SyncRunId runId, SyncError error, Instant at);

    /**
     * Marks as failed the runs still running whose last heartbeat is older than {@code heartbeatBefore}: their process
     * died.
     *
     * @return the runs marked failed
     */
    List<SyncRunId> failAbandoned(Instant heartbeatBefore, Instant now);
}
