package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.PageRequest;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.query.SyncRunView;
import io.hunterreferrals.core.sync.SkipReason;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SyncRunQueries} over an {@link InMemorySyncRunLog}. The log keeps no request time, so a run's
 * {@code requestedAt} is its start (or its last heartbeat while queued); the log's insertion order is the
 * request order.
 */
public final class InMemorySyncRunQueries implements SyncRunQueries {

    private final InMemorySyncRunLog log;

    public InMemorySyncRunQueries(InMemorySyncRunLog log) {
        this.log = log;
    }

    @Override
    public Optional<SyncRunView> find(SyncRunId runId) {
        return log.run(runId).map(InMemorySyncRunQueries::view);
    }

    @Override
    public Optional<SyncRunView> active() {
        List<InMemorySyncRunLog.Run> runs = log.runs();
        return runs.stream().filter(r -> r.status() == SyncStatus.RUNNING).findFirst()
                .or(() -> runs.stream().filter(r -> r.status() == SyncStatus.QUEUED).findFirst())
                .map(InMemorySyncRunQueries::view);
    }

    @Override
    public Optional<SyncRunView> lastFinished() {
        return newestFirst().stream()
                .filter(r -> r.status().isFinished())
                .findFirst().map(InMemorySyncRunQueries::view);
    }

    @Override
    public Page<SyncRunView> runs(PageRequest page) {
        List<InMemorySyncRunLog.Run> runs = newestFirst();
        int from = (int) Math.min(page.offset(), runs.size());
        int to = Math.min(from + page.pageSize(), runs.size());
        return new Page<>(runs.subList(from, to).stream().map(InMemorySyncRunQueries::view).toList(), runs.size(), page);
    }

    private List<InMemorySyncRunLog.Run> newestFirst() {
        List<InMemorySyncRunLog.Run> runs = new ArrayList<>(log.runs());
        java.util.Collections.reverse(runs);
        return runs;
    }

    private static SyncRunView view(InMemorySyncRunLog.Run run) {
        Optional<SyncReport> report = run.report();
        Optional<SyncProgress> progress = run.progress();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        report.ifPresent(r -> r.skippedReasons().forEach((SkipReason reason, Integer n) -> skipped.put(reason.code(), n)));
        Instant requestedAt = report.map(SyncReport::startedAt).orElse(run.heartbeatAt());
        boolean finished = run.status().isFinished();
        return new SyncRunView(run.id(), run.request().trigger(), run.request().mode(), run.request().dryRun(), run.status(),
                requestedAt,
                report.map(SyncReport::startedAt).or(() -> run.status() == SyncStatus.RUNNING ? Optional.of(run.heartbeatAt()) : Optional.empty()),
                finished ? Optional.of(report.map(SyncReport::finishedAt).orElse(run.heartbeatAt())) : Optional.empty(),
                Optional.of(run.heartbeatAt()),
                report.map(SyncReport::created).orElse(progress.map(SyncProgress::created).orElse(0)),
                report.map(SyncReport::updated).orElse(progress.map(SyncProgress::updated).orElse(0)),
                report.map(SyncReport::skippedCount).orElse(progress.map(SyncProgress::skipped).orElse(0)),
                report.map(SyncReport::failedCount).orElse(progress.map(SyncProgress::failed).orElse(0)),
                report.map(SyncReport::totalFetched).orElse(progress.map(SyncProgress::fetched).orElse(0)),
                report.map(SyncReport::pagesFetched).orElse(progress.map(SyncProgress::pagesFetched).orElse(0)),
                progress.flatMap(p -> p.expectedTotal().isPresent() ? Optional.of(p.expectedTotal().getAsLong()) : Optional.empty()),
                skipped, report.map(SyncReport::failedReasons).orElse(Map.of()), run.error(),
                report.flatMap(SyncReport::watermarkBefore), report.flatMap(SyncReport::watermarkAfter),
                Optional.of("test-node"));
    }
}
