package io.hunterreferrals.core.push;

import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one push run did, like the sync's report: counts with reasons, and the run's error when it failed.
 *
 * @param created leads made
 * @param updated leads that received changed values
 * @param skipped referrals looked at and not sent, by reason ({@code unchanged}, {@code attempts_exhausted})
 * @param failed referrals the destination refused, by reason code
 * @param writtenBack lead ids written back to their referral in Partner Center ({@code HUNTER_DYNAMICS_WRITE_BACK})
 * @param writeBackRefused lead ids Partner Center did not take, by reason code; never a reason for the run to fail
 * @param error why the run failed as a whole, when it did
 */
public record PushReport(
        PushRunId runId,
        PushTrigger trigger,
        boolean dryRun,
        PushRunStatus status,
        int created,
        int updated,
        Map<String, Integer> skipped,
        Map<String, Integer> failed,
        int writtenBack,
        Map<String, Integer> writeBackRefused,
        Instant startedAt,
        Instant finishedAt,
        Optional<PushError> error) {

    public PushReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        writeBackRefused = Collections.unmodifiableMap(new LinkedHashMap<>(writeBackRefused));
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(error, "error");
    }

    /** A run without the write-back (it is off, or wrote nothing). */
    public PushReport(
            PushRunId runId,
            PushTrigger trigger,
            boolean dryRun,
            PushRunStatus status,
            int created,
            int updated,
            Map<String, Integer> skipped,
            Map<String, Integer> failed,
            Instant startedAt,
            Instant finishedAt,
            Optional<PushError> error) {
        this(
                runId,
                trigger,
                dryRun,
                status,
                created,
                updated,
                skipped,
                failed,
                0,
                Map.of(),
                startedAt,
                finishedAt,
                error);
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int failedCount() {
        return failed.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int writeBackRefusedCount() {
        return writeBackRefused.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** How a push run ended. */
    public enum PushRunStatus {
        /** Every due referral is in the destination. */
        SUCCESS("success"),
        /** The run finished, but the destination refused some referrals (recorded on each). */
        PARTIAL("partial"),
        /** The run stopped: see {@link PushReport#error()}. */
        FAILED("failed");

        private final String code;

        PushRunStatus(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static PushRunStatus fromCode(String code) {
            for (PushRunStatus status : values()) {
                if (status.code.equals(code)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("Unknown push run status '" + code + "'");
        }
    }
}
