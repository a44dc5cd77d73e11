package io.hunterreferrals.http;

import io.hunterreferrals.core.push.PushError;
import io.hunterreferrals.core.push.PushRunView;
import io.hunterreferrals.core.push.PushState;
import io.hunterreferrals.core.push.WriteBackState;
import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Dynamics 365 push's documents ({@code openapi.json}: {@code PushRun}, {@code PushRunList}, {@code PushState}):
 * one owner for their shape, used by the push routes, the referral detail and {@code /healthz}.
 */
final class PushJson {

    private PushJson() {}

    /** One push run: running, or finished with its counts and reasons. */
    record Run(
            String runId,
            String status,
            String trigger,
            boolean dryRun,
            String referralId,
            Instant startedAt,
            Instant finishedAt,
            int createdCount,
            int updatedCount,
            int skippedCount,
            int failedCount,
            Map<String, Integer> skippedReasons,
            Map<String, Integer> failedReasons,
            Error error) {

        static Run of(PushRunView run) {
            return new Run(
                    run.runId().toString(),
                    run.statusCode(),
                    run.trigger().code(),
                    run.dryRun(),
                    run.referral().map(ReferralId::value).orElse(null),
                    run.startedAt(),
                    run.finishedAt().orElse(null),
                    run.created(),
                    run.updated(),
                    run.skippedCount(),
                    run.failedCount(),
                    run.skipped(),
                    run.failed(),
                    run.error().map(Error::of).orElse(null));
        }
    }

    record RunList(List<Run> items) {

        static RunList of(List<PushRunView> runs) {
            return new RunList(runs.stream().map(Run::of).toList());
        }
    }

    /** Why a push run failed, with what Dataverse said (status, error code, request id for a support case). */
    record Error(String code, String message, Integer httpStatus, String dynamicsErrorCode, String requestId) {

        static Error of(PushError error) {
            return new Error(
                    error.code().code(),
                    error.message(),
                    error.httpStatus().orElse(null),
                    error.destinationErrorCode().orElse(null),
                    error.requestId().orElse(null));
        }
    }

    /** What the last push did with one referral, and with the write-back of its lead id (null when none was tried). */
    record State(
            String status,
            String leadId,
            Instant pushedAt,
            int attempts,
            String lastErrorCode,
            String lastError,
            Instant updatedAt,
            String writeBackStatus,
            Instant writeBackAt,
            String writeBackErrorCode,
            String writeBackError) {

        static State of(PushState state) {
            Optional<WriteBackState> writeBack = state.writeBack();
            return new State(
                    state.status().code(),
                    state.leadId().orElse(null),
                    state.pushedAt().orElse(null),
                    state.attempts(),
                    state.lastErrorCode().orElse(null),
                    state.lastError().orElse(null),
                    state.updatedAt(),
                    writeBack.map(w -> w.status().code()).orElse(null),
                    writeBack.map(WriteBackState::at).orElse(null),
                    writeBack.flatMap(WriteBackState::errorCode).orElse(null),
                    writeBack.flatMap(WriteBackState::error).orElse(null));
        }
    }

    /**
     * A referral's place in the push, in its detail: whether this server pushes at all, and the state ({@code null}
     * before the first push touches the referral).
     */
    record Referral(boolean enabled, State state) {}
}
