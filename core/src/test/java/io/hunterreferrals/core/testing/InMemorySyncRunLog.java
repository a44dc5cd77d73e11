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

    /** One recorded run. */
    public record Run(SyncRunId id, SyncRequest request, SyncStatus status, Instant heartbeatAt,
            Optional<SyncProgress> progress, Optional<SyncReport> report, Optional<SyncError> error) {

        Run with(SyncStatus newStatus, Instant at) {
            return new Run(id, request, newStatus, at, progress, report, error);
        }
    }

    private final Map<SyncRunId, Run> runs = new LinkedHashMap<>();

    @Override
    public synchronized RunClaim enqueue(SyncRunId runId, SyncRequest request, Instant requestedAt) {
        Optional<Run> active = runs.values().stream()
                .filter(r -> r.status() == SyncStatus.QUEUED || r.status() == SyncStatus.RUNNING).findFirst();
        if (active.isPresent()) {
            return new RunClaim.Busy(active.get().id());
        }
        runs.put(runId, new Run(runId, request, SyncStatus.QUEUED, requestedAt, Optional.empty(), Optional.empty(), Optional.empty()));
        return RunClaim.CLAIMED;
    }

    @Override
    public synchronized RunClaim start(SyncRunId runId, SyncRequest request, Instant startedAt, Optional<Instant> watermarkBefore) {
        Optional<Run> running = runs.values().stream()
                .filter(r -> r.status() == SyncStatus.RUNNING && !r.id().equals(runId)).findFirst();
        if (running.isPresent()) {
            return new RunClaim.Busy(running.get().id());
        }
        Run existing = runs.get(runId);
        if (existing != null && existing.status() != SyncStatus.QUEUED) {
            throw new IllegalStateException("Run " + runId + " is " + existing.status().code() + ", not queued");
        }
        runs.put(runId, new Run(runId, request, SyncStatus.RUNNING, startedAt, Optional.empty(), Optional.empty(), Optional.empty()));
        return RunClaim.CLAIMED;
    }

    @Override
    public synchronized void progress(SyncRunId runId, SyncProgress progress, Instant at) {
        Run run = require(runId);
        // Like the real log: only a running run records progress, so a late call never alters a finished one.
        if (run.status() == SyncStatus.RUNNING) {
            runs.put(runId, new Run(runId, run.request(), run.status(), at, Optional.of(progress), run.report(), run.error()));
        }
    }

    @Override
    public synchronized void heartbeat(SyncRunId runId, Instant at) {
        Run run = require(runId);
        if (run.status() == SyncStatus.RUNNING) {
            runs.put(runId, run.with(SyncStatus.RUNNING, at));
        }
    }

    @Override
    public synchronized void finish(SyncReport report) {
        Run run = require(report.runId());
        runs.put(report.runId(), new Run(report.runId(), run.request(), report.status(), report.finishedAt(),
                run.progress(), Optional.of(report), report.error()));
    }

    @Override
    public synchronized void failQueued(SyncRunId runId, SyncError error, Instant at) {
        Run run = require(runId);
        if (run.status() == SyncStatus.QUEUED) {
            runs.put(runId, new Run(runId, run.request(), SyncStatus.FAILED, at, run.progress(), run.report(), Optional.of(error)));
        }
    }

    @Override
    public synchronized List<SyncRunId> failAbandoned(Instant heartbeatBefore, Instant now) {
        List<SyncRunId> failed = new ArrayList<>();
        for (Run run : List.copyOf(runs.values())) {
            if (run.status() == SyncStatus.RUNNING && run.heartbeatAt().isBefore(heartbeatBefore)) {
                runs.put(run.id(), new Run(run.id(), run.request(), SyncStatus.FAILED, now, run.progress(), run.report(),
                        Optional.of(SyncError.of(SyncErrorCode.ABANDONED, "The process running this sync stopped before it finished."))));
                failed.add(run.id());
            }
        }
        return failed;
    }

    public synchronized Optional<Run> run(SyncRunId runId) {
        return Optional.ofNullable(runs.get(runId));
    }

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
