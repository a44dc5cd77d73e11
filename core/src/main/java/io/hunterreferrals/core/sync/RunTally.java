package io.hunterreferrals.core.sync;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Counts one run's outcomes as it goes; not thread-safe (only the thread running the sync uses it; pages fetched ahead
 * reach it through that thread).
 */
final class RunTally {

    private final Optional<Instant> watermarkBefore;
    private final Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    private final Map<String, Integer> failed = new LinkedHashMap<>();
    private Optional<Instant> watermarkAfter;
    private OptionalLong expectedTotal = OptionalLong.empty();
    private int created;
    private int updated;
    private int pagesFetched;
    private int fetched;

    /**
     * Whether the run's writes are news: not when the store had no watermark before it (the first sync of an empty
     * database brings in history, and announcing every referral in it would flood every channel).
     */
    boolean announcesEvents() {
        return watermarkBefore.isPresent();
    }

    RunTally(Optional<Instant> watermarkBefore) {
        this.watermarkBefore = watermarkBefore;
        this.watermarkAfter = watermarkBefore;
    }

    void pageFetched(SourcePage page) {
        pagesFetched++;
        fetched += page.records().size();
        if (page.totalCount().isPresent()) {
            expectedTotal = page.totalCount();
        }
    }

    void stored(WriteOutcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> skipped(SkipReason.UNCHANGED);
        }
    }

    void skipped(SkipReason reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    void failed(String reason) {
        failed.merge(reason, 1, Integer::sum);
    }

    void watermarkAdvanced(Instant watermark) {
        if (watermarkAfter.isEmpty() || watermark.isAfter(watermarkAfter.get())) {
            watermarkAfter = Optional.of(watermark);
        }
    }

    int pagesFetched() {
        return pagesFetched;
    }

    int fetched() {
        return fetched;
    }

    SyncProgress progress() {
        int skippedCount = skipped.values().stream().mapToInt(Integer::intValue).sum();
        int failedCount = failed.values().stream().mapToInt(Integer::intValue).sum();
        return new SyncProgress(pagesFetched, fetched, created, updated, skippedCount, failedCount, expectedTotal);
    }

    SyncReport report(
            SyncRunId runId, SyncRequest request, Instant startedAt, Instant finishedAt, Optional<SyncError> error) {
        return new SyncReport(
                runId,
                request.trigger(),
                request.mode(),
                request.dryRun(),
                error.isPresent() ? SyncStatus.FAILED : failed.isEmpty() ? SyncStatus.SUCCEEDED : SyncStatus.PARTIAL,
                created,
                updated,
                skipped,
                failed,
                pagesFetched,
                fetched,
                startedAt,
                finishedAt,
                watermarkBefore,
                watermarkAfter,
                error);
    }
}
