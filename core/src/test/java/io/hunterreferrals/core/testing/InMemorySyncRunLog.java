package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.sync.RunClaim;
import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncErrorCode;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncRunLog;
import io.hunterreferrals.core.sync.SyncStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link SyncRunLog} in memory, with the same overlap rules as the real one; thread-safe. */
public final class InMemorySyncRunLog implements SyncRunLog {

    /**
     * One recorded run, with the times {@code sync_runs} keeps: a queued run has neither a start nor a heartbeat; a
     * finished one has its finish (and, when a report finished it, a heartbeat at the finish).
     */
    public record Run(
            SyncRunId id,
            SyncRequest request,
            SyncStatus status,
            Instant requestedAt,
            Optional<Instant> startedAt,
            Optional<Instant> heartbeatAt,
            Optional<Instant> finishedAt,
            Optional<Instant> watermarkBefore,
            Optional<SyncProgress> progress,
            Optional<SyncReport> report,
            Optional<SyncError> error) {

        Run beat(Optional<SyncProgress> newProgress, Instant at) {
            return new Run(
                    id,
                    request,
                    status,
                    requestedAt,
                    startedAt,
                    Optional.of(at),
                    finishedAt,
                    watermarkBefore,
                    newProgress,
                    report,
                    error);
        }

        Run failed(SyncError why, Instant at) {
            return new Run(
                    id,
                    request,
                    SyncStatus.FAILED,
                    requestedAt,
                    startedAt,
                    heartbeatAt,
                    Optional.of(at),
                    watermarkBefore,
                    progress,
                    report,
                    Optional.of(why));
        }

        // Like sync_runs: the report is the truth, keeping the recorded start when there is one.
        Run finished(SyncReport r) {
            return new Run(
                    id,
                    request,
                    r.status(),
                    requestedAt,
                    startedAt.or(() -> Optional.of(r.startedAt())),
                    Optional.of(r.finishedAt()),
                    Optional.of(r.finishedAt()),
                    r.watermarkBefore(),
                    progress,
                    Optional.of(r),
                    r.error());
        }
    }

    private final Map<SyncRunId, Run> runs = new LinkedHashMap<>();

    @Override
    public synchronized RunClaim enqueue(SyncRunId runId, SyncRequest request, Instant requestedAt) {
        Optional<Run> active = runs.values().stream()
                .filter(r -> r.status() == SyncStatus.QUEUED || r.status() == SyncStatus.RUNNING)
                .findFirst();
        if (active.isPresent()) {
            return new RunClaim.Busy(active.get().id());
        }
        runs.put(
                runId,
                new Run(
                        runId,
                        request,
                        SyncStatus.QUEUED,
                        requestedAt,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        return RunClaim.CLAIMED;
    }

    @Override
    public synchronized RunClaim start(
            SyncRunId runId, SyncRequest request, Instant startedAt, Optional<Instant> watermarkBefore) {
        Optional<Run> running = runs.values().stream()
                .filter(r -> r.status() == SyncStatus.RUNNING && !r.id().equals(runId))
                .findFirst();
        if (running.isPresent()) {
            return new RunClaim.Busy(running.get().id());
        }
        Run existing = runs.get(runId);
        if (existing != null && existing.status() != SyncStatus.QUEUED) {
            throw new IllegalStateException(
                    "Run " + runId + " is " + existing.status().code() + ", not queued");
        }
        // Never before the last run's finish: the history must not show the run it waited for overlapping it.
        Instant recordedStart = runs.values().stream()
                .flatMap(r -> r.finishedAt().stream())
                .filter(startedAt::isBefore)
                .max(Instant::compareTo)
                .orElse(startedAt);
        // A queued run keeps its request and when it was requested; one started at once was requested as it started.
        runs.put(
                runId,
                new Run(
                        runId,
                        existing == null ? request : existing.request(),
                        SyncStatus.RUNNING,
                        existing == null ? startedAt : existing.requestedAt(),
                        Optional.of(recordedStart),
                        Optional.of(startedAt),
                        Optional.empty(),
                        watermarkBefore,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        return RunClaim.CLAIMED;
    }

    @Override
    public synchronized void progress(SyncRunId runId, SyncProgress progress, Instant at) {
        Run run = require(runId);
        // Like the real log: only a running run records progress, so a late call never alters a finished one.
        if (run.status() == SyncStatus.RUNNING) {
            runs.put(runId, run.beat(Optional.of(progress), at));
        }
    }

    @Override
    public synchronized void heartbeat(SyncRunId runId, Instant at) {
        Run run = require(runId);
        if (run.status() == SyncStatus.RUNNING) {
            runs.put(runId, run.beat(run.progress(), at));
        }
    }

    @Override
    public synchronized void finish(SyncReport report) {
        runs.put(report.runId(), require(report.runId()).finished(report));
    }

    @Override
    public synchronized void failQueued(SyncRunId runId, SyncError error, Instant at) {
        Run run = require(runId);
        if (run.status() == SyncStatus.QUEUED) {
            runs.put(runId, run.failed(error, at));
        }
    }

    @Override
    public synchronized List<SyncRunId> failAbandoned(Instant heartbeatBefore, Instant now) {
        List<SyncRunId> failed = new ArrayList<>();
        for (Run run : List.copyOf(runs.values())) {
            if (run.status() == SyncStatus.RUNNING
                    && run.heartbeatAt().orElseThrow().isBefore(heartbeatBefore)) {
                runs.put(
                        run.id(),
                        run.failed(
                                SyncError.of(
                                        SyncErrorCode.ABANDONED,
                                        "The process running this sync stopped before it finished."),
                                now));
                failed.add(run.id());
            }
        }
        return failed;
    }

    public synchronized Optional<Run> run(SyncRunId runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** Every run, in the order they were first recorded. */
    public synchronized List<Run> runs() {
        return List.copyOf(runs.values());
    }

    private Run require(SyncRunId runId) {
        Run run = runs.get(runId);
        if (run == null) {
            throw new IllegalStateException("No run " + runId);
        }
        return run;
    }
}
