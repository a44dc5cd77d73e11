package io.hunterreferrals.core.query;

import io.hunterreferrals.core.sync.SyncError;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncRunId;
import io.hunterreferrals.core.sync.SyncStatus;
import io.hunterreferrals.core.sync.SyncTrigger;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded sync run as operators see it; while it runs its counts are the progress so far.
 *
 * @param skippedReasons skipped referrals by reason code
 * @param failedReasons failed referrals by reason code
 * @param expectedTotal the total Partner Center announced, when known (progress bars)
 * @param node the host and process that ran it
 */
public record SyncRunView(
        SyncRunId runId,
        SyncTrigger trigger,
        SyncMode mode,
        boolean dryRun,
        SyncStatus status,
        Instant requestedAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<Instant> heartbeatAt,
        int created,
        int updated,
        int skipped,
        int failed,
        int totalFetched,
        int pagesFetched,
        Optional<Long> expectedTotal,
        Map<String, Integer> skippedReasons,
        Map<String, Integer> failedReasons,
        Optional<SyncError> error,
        Optional<Instant> watermarkBefore,
        Optional<Instant> watermarkAfter,
        Optional<String> node) {

    public SyncRunView {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        skippedReasons = Map.copyOf(skippedReasons);
        failedReasons = Map.copyOf(failedReasons);
    }

    public int successCount() {
        return created + updated;
    }
}
