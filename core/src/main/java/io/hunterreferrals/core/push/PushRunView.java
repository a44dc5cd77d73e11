package io.hunterreferrals.core.push;

import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One push run as the API, the CLI and {@code /healthz} show it: running, or finished with its report's figures.
 *
 * @param referral the one referral an operator asked for by id, if any
 * @param outcome how it ended; empty while it runs
 * @param finishedAt when it ended; empty while it runs
 */
public record PushRunView(
        PushRunId runId,
        PushTrigger trigger,
        boolean dryRun,
        Optional<ReferralId> referral,
        Optional<PushRunStatus> outcome,
        Instant startedAt,
        Optional<Instant> finishedAt,
        int created,
        int updated,
        Map<String, Integer> skipped,
        Map<String, Integer> failed,
        Optional<PushError> error) {

    /** The status text shown while a run has no outcome yet. */
    public static final String RUNNING = "running";

    public PushRunView {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        Objects.requireNonNull(error, "error");
        if (outcome.isPresent() != finishedAt.isPresent()) {
            throw new IllegalArgumentException("A push run has an outcome exactly when it has finished");
        }
    }

    /** {@code running}, or the outcome's code ({@code success}, {@code partial}, {@code failed}). */
    public String statusCode() {
        return outcome.map(PushRunStatus::code).orElse(RUNNING);
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int failedCount() {
        return failed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
