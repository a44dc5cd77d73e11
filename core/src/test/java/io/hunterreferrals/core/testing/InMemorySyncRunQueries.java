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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SyncRunQueries} over an {@link InMemorySyncRunLog}, agreeing with PostgreSQL's (SyncRunQueriesContract): runs
 * newest request first, the last finished is the one that finished last, the running run is active before a queued one.
 * Ties are broken by run id as PostgreSQL orders uuids (their text). Every started run ran on {@link #NODE}.
 */
public final class InMemorySyncRunQueries implements SyncRunQueries {

    public static final String NODE = "test-node";

    private static final Comparator<InMemorySyncRunLog.Run> BY_ID =
            Comparator.comparing(r -> r.id().value().toString());

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
        return log.runs().stream()
                .filter(r -> r.status() == SyncStatus.RUNNING || r.status() == SyncStatus.QUEUED)
                .min(Comparator.comparing((InMemorySyncRunLog.Run r) -> r.status() != SyncStatus.RUNNING)
                        .thenComparing(InMemorySyncRunLog.Run::requestedAt)
                        .thenComparing(BY_ID))
                .map(InMemorySyncRunQueries::view);
    }

    @Override
    public Optional<SyncRunView> lastFinished() {
        return log.runs().stream()
                .filter(r -> r.finishedAt().isPresent())
                .min(Comparator.comparing(
                                (InMemorySyncRunLog.Run r) -> r.finishedAt().orElseThrow(), Comparator.reverseOrder())
                        .thenComparing(BY_ID))
                .map(InMemorySyncRunQueries::view);
    }

    @Override
    public Page<SyncRunView> runs(PageRequest page) {
        List<SyncRunView> runs = log.runs().stream()
                .sorted(Comparator.comparing(InMemorySyncRunLog.Run::requestedAt, Comparator.reverseOrder())
                        .thenComparing(BY_ID))
                .map(InMemorySyncRunQueries::view)
                .toList();
        int from = (int) Math.min(page.offset(), runs.size());
        int to = Math.min(from + page.pageSize(), runs.size());
        return new Page<>(runs.subList(from, to), runs.size(), page);
    }

    private static SyncRunView view(InMemorySyncRunLog.Run run) {
        Optional<SyncReport> report = run.report();
        Optional<SyncProgress> progress = run.progress();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        report.ifPresent(
                r -> r.skippedReasons().forEach((SkipReason reason, Integer n) -> skipped.put(reason.code(), n)));
        return new SyncRunView(
                run.id(),
                run.request().trigger(),
                run.request().mode(),
                report.map(SyncReport::dryRun).orElse(run.request().dryRun()),
                run.status(),
                run.requestedAt(),
                run.startedAt(),
                run.finishedAt(),
                run.heartbeatAt(),
                report.map(SyncReport::created)
                        .orElse(progress.map(SyncProgress::created).orElse(0)),
                report.map(SyncReport::updated)
                        .orElse(progress.map(SyncProgress::updated).orElse(0)),
                report.map(SyncReport::skippedCount)
                        .orElse(progress.map(SyncProgress::skipped).orElse(0)),
                report.map(SyncReport::failedCount)
                        .orElse(progress.map(SyncProgress::failed).orElse(0)),
                report.map(SyncReport::totalFetched)
                        .orElse(progress.map(SyncProgress::fetched).orElse(0)),
                report.map(SyncReport::pagesFetched)
                        .orElse(progress.map(SyncProgress::pagesFetched).orElse(0)),
                progress.flatMap(p -> p.expectedTotal().isPresent()
                        ? Optional.of(p.expectedTotal().getAsLong())
                        : Optional.empty()),
                skipped,
                report.map(SyncReport::failedReasons).orElse(Map.of()),
                run.error(),
                run.watermarkBefore(),
                report.flatMap(SyncReport::watermarkAfter),
                run.startedAt().map(at -> NODE));
    }
}
