package io.hunterreferrals.server;

import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRequest;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncTrigger;
import java.util.Objects;

/**
 * What a manual-trigger execution carries in {@code scheduled_tasks}: the task instance id is the queued run's id (the
 * task id operators see), the data is this, stored as plain text ({@code manual/full}) rather than Java serialisation
 * so any version of the server can read it.
 */
record QueuedSync(SyncTrigger trigger, SyncMode mode) {

    QueuedSync {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(mode, "mode");
    }

    static QueuedSync of(SyncRequest request) {
        return new QueuedSync(request.trigger(), request.mode());
    }

    String encode() {
        return trigger.code() + "/" + mode.code();
    }

    /** Unreadable data (a newer server's format, say) falls back to a manual incremental run. */
    static QueuedSync decode(String data) {
        try {
            String[] parts = data.split("/", 2);
            return new QueuedSync(SyncTrigger.fromCode(parts[0]), SyncMode.fromCode(parts[1]));
        } catch (RuntimeException e) {
            return new QueuedSync(SyncTrigger.MANUAL, SyncMode.INCREMENTAL);
        }
    }

    SyncRequest request(SyncRunId runId) {
        return SyncRequest.of(trigger, mode).forQueuedRun(runId);
    }
}
