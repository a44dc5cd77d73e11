package io.hunterreferrals.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one sync run. Every fetched referral is counted exactly once, as created, updated, skipped (with a
 * reason) or failed (with a reason): {@code totalFetched == totalProcessed()}.
 *
 * @param skippedReasons skipped referrals by reason, in a stable order
 * @param failedReasons failed referrals by reason code (e.g. {@code missing_id}, {@code not_stored})
 * @param status succeeded; partial when it read every page but some referrals failed; or failed
 * @param error why the run failed; present exactly when {@code status} is {@link SyncStatus#FAILED}
 */
public record SyncReport(
        SyncRunId runId,
        SyncTrigger trigger,
        SyncMode mode,
        boolean dryRun,
        SyncStatus status,
        int created,
        int updated,
        Map<SkipReason, Integer> skippedReasons,
        Map<String, Integer> failedReasons,
        int pagesFetched,
        int totalFetched,
        Instant startedAt,
        Instant finishedAt,
        Optional<Instant> watermarkBefore,
        Optional<Instant> watermarkAfter,
        Optional<SyncError> error) {

    public SyncReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(status, "status");
        skippedReasons = Collections.unmodifiableMap(new LinkedHashMap<>(skippedReasons));
        failedReasons = Collections.unmodifiableMap(new LinkedHashMap<>(failedReasons));
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(watermarkBefore, "watermarkBefore");
        Objects.requireNonNull(watermarkAfter, "watermarkAfter");
        Objects.requireNonNull(error, "error");
        if (!status.isFinished()) {
            throw new IllegalArgumentException("A report is final: succeeded, partial or failed");
        }
        if ((status == SyncStatus.FAILED) != error.isPresent()) {
            throw new IllegalArgumentException("A failed report, and only a failed one, carries an error");
        }
        int failedCount =
                failedReasons.values().stream().mapToInt(Integer::intValue).sum();
        if (status == SyncStatus.PARTIAL && failedCount == 0 || status == SyncStatus.SUCCEEDED && failedCount > 0) {
            throw new IllegalArgumentException("A completed run with failed referrals is partial, and only such a run");
        }
    }

    /** Referrals created or updated. */
    public int successCount() {
        return created + updated;
    }

    public int skippedCount() {
        return skippedReasons.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int failedCount() {
        return failedReasons.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalProcessed() {
        return successCount() + skippedCount() + failedCount();
    }

    /** The run read every page but some referrals failed. */
    public boolean isPartial() {
        return status == SyncStatus.PARTIAL;
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
