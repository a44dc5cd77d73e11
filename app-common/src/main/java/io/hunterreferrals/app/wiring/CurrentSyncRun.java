package io.hunterreferrals.app.wiring;

import io.hunterreferrals.core.sync.SourceQuery;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncReport;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import java.util.Optional;

/**
 * Remembers the run in progress, so events raised below the sync use case (the Referrals client's retries) can carry
 * its task id too. Runs never overlap (the run log guarantees it), so one slot is enough.
 */
public final class CurrentSyncRun implements SyncListener {

    private volatile SyncRunId current;

    public Optional<SyncRunId> runId() {
        return Optional.ofNullable(current);
    }

    @Override
    public void runStarted(SyncRunId runId, SyncRequest request, SourceQuery query) {
        current = runId;
    }

    @Override
    public void runFinished(SyncReport report) {
        current = null;
    }
}
