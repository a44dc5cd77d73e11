package io.hunterreferrals.http;

/**
 * What the UI's "last sync" badge shows: the run queued or running now (with progress), and the last finished run.
 * Either is {@code null} when there is none.
 */
record SyncStatusJson(boolean partnerCenterEnabled, SyncRunJson active, SyncRunJson lastFinished) {
}
