package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.PushRunLog;
import io.hunterreferrals.core.push.PushRunView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PushRunLog} in memory: one running run at a time, the finished reports in order. */
public final class InMemoryPushRunLog implements PushRunLog {

    private PushRunId running;
    private final List<PushReport> finished = new ArrayList<>();
    /** Every run as {@link InMemoryPushQueries} shows it, in start order. */
    private final Map<PushRunId, PushRunView> views = new LinkedHashMap<>();

    @Override
    public synchronized PushClaim start(PushRunId runId, PushRequest request, Instant at) {
        if (running != null) {
            return new PushClaim.Busy(running);
        }
        running = runId;
        views.put(
                runId,
                new PushRunView(
                        runId,
                        request.trigger(),
                        request.dryRun(),
                        request.referral(),
                        Optional.empty(),
                        at,
                        Optional.empty(),
                        0,
                        0,
                        Map.of(),
                        Map.of(),
                        Optional.empty()));
        return new PushClaim.Started();
    }

    @Override
    public synchronized void finish(PushReport report) {
        if (!report.runId().equals(running)) {
            throw new IllegalStateException("Run " + report.runId() + " is not running");
        }
        running = null;
        finished.add(report);
        PushRunView started = views.get(report.runId());
        views.put(
                report.runId(),
                new PushRunView(
                        report.runId(),
                        report.trigger(),
                        report.dryRun(),
                        started.referral(),
                        Optional.of(report.status()),
                        started.startedAt(),
                        Optional.of(report.finishedAt()),
                        report.created(),
                        report.updated(),
                        report.skipped(),
                        report.failed(),
                        report.error()));
    }

    public synchronized Optional<PushRunId> running() {
        return Optional.ofNullable(running);
    }

    public synchronized List<PushReport> finished() {
        return List.copyOf(finished);
    }

    synchronized List<PushRunView> views() {
        return List.copyOf(views.values());
    }
}
