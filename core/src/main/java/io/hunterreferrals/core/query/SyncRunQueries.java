package io.hunterreferrals.core.query;

import io.hunterreferrals.core.sync.SyncRunId;
import java.util.Optional;

/** Read side of the sync run log: what the API's sync status and the UI's "last sync" badge show. */
public interface SyncRunQueries {

    Optional<SyncRunView> find(SyncRunId runId);

    /** The run queued or running now, if any (the running one when both exist). */
    Optional<SyncRunView> active();

    /** The most recently finished run, if any. */
    Optional<SyncRunView> lastFinished();

    /** All runs, newest request first. */
    Page<SyncRunView> runs(PageRequest page);
}
