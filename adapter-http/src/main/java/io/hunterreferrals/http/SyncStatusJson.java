package io.hunterreferrals.http;

import io.hunterreferrals.core.query.SyncRunQueries;
import java.util.function.BooleanSupplier;

/**
 * What the UI's "last sync" badge shows: the run queued or running now (with progress), and the last finished run.
 * Either is {@code null} when there is none. The same shape answers {@code GET .../sync/status} and each event of
 * {@code GET .../sync/events}.
 */
record SyncStatusJson(boolean partnerCenterEnabled, SyncRunJson active, SyncRunJson lastFinished) {

    static SyncStatusJson read(SyncRunQueries runs, BooleanSupplier partnerCenterEnabled) {
        return new SyncStatusJson(
                partnerCenterEnabled.getAsBoolean(),
                runs.active().map(SyncRunJson::of).orElse(null),
                runs.lastFinished().map(SyncRunJson::of).orElse(null));
    }
}
