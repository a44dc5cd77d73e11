package io.hunterreferrals.core.testing;

import io.hunterreferrals.core.sync.ReferralOutcome;
import io.hunterreferrals.core.sync.SourceQuery;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncProgress;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import java.util.ArrayList;
import java.util.List;

/** A {@link SyncListener} that records every event, in order. */
public final class RecordingSyncListener implements SyncListener {

    private final List<String> events = new ArrayList<>();
    private final List<ReferralOutcome> outcomes = new ArrayList<>();
    private final List<SyncProgress> progress = new ArrayList<>();

    @Override
    public synchronized void runStarted(SyncRunId runId, SyncRequest request, SourceQuery query) {
        events.add("started");
    }

    @Override
    public synchronized void runRejected(SyncRunId runId, SyncRequest request, SyncRunId activeRun) {
        events.add("rejected");
    }

    @Override
    public synchronized void referralProcessed(SyncRunId runId, ReferralOutcome outcome) {
        outcomes.add(outcome);
    }

    @Override
    public synchronized void pageProcessed(SyncRunId runId, SyncProgress pageProgress) {
        events.add("page");
        progress.add(pageProgress);
    }

    @Override
    public synchronized void fetchCompleted(SyncRunId runId, int totalFetched, int pagesFetched) {
        events.add("fetched");
    }

    @Override
    public synchronized void runFinished(SyncReport report) {
        events.add("finished");
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized List<ReferralOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public synchronized List<SyncProgress> progress() {
        return List.copyOf(progress);
    }
}
