package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRunId;
import io.hunterreferrals.core.push.PushRunLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link PushRunLog} in memory: one running run at a time, the finished reports in order. */
public final class InMemoryPushRunLog implements PushRunLog {

    private PushRunId running;
    private final List<PushReport> finished = new ArrayList<>();

    @Override
    public synchronized PushClaim start(PushRunId runId, PushRequest request, Instant at) {
        if (running != null) {
            return new PushClaim.Busy(running);
        }
        running = runId;
        return new PushClaim.Started();
    }

    @Override
    public synchronized void finish(PushReport report) {
        if (!report.runId().equals(running)) {
            throw new IllegalStateException("Run " + report.runId() + " is not running");
        }
        running = null;
        finished.add(report);
    }

    public synchronized Optional<PushRunId> running() {
        return Optional.ofNullable(running);
    }

    public synchronized List<PushReport> finished() {
        return List.copyOf(finished);
    }
}
