package io.hunterreferrals.http;

/** The optional body of a sync trigger: {@code {"mode": "incremental" | "full"}}. */
record SyncTriggerBody(String mode) {

    static final SyncTriggerBody EMPTY = new SyncTriggerBody(null);
}
