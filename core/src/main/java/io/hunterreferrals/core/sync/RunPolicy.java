package io.hunterreferrals.core.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a sync run may do when: the one owner of the rules that the server's scheduled and queued tasks, the sweep of
 * orphaned runs and the CLI apply before a run starts. The apps gather the facts (the flag, a shutdown, the run's
 * recorded status, whether the scheduler still has its execution) and act on the {@link Decision}.
 *
 * @param featureFlag how operators name the feature flag (the setting's variable), quoted in messages
 */
public record RunPolicy(String featureFlag) {

    public RunPolicy {
        Objects.requireNonNull(featureFlag, "featureFlag");
    }

    /** What to do with a run about to start. */
    public sealed interface Decision {
        /** Run it. */
        record Start() implements Decision {}

        /** Do not run it and record nothing; {@code reason} is logged. */
        record Skip(SkipCause reason) implements Decision {}

        /** Not now: a shutdown is under way or another run holds the slot; another node or a later try runs it. */
        record RetryLater() implements Decision {}

        /** Do not run it: settle the queued run as failed with {@code error}; {@code reason} is logged. */
        record FailQueued(SkipCause reason, SyncError error) implements Decision {}
    }

    /** Why a run did not start, as the log's {@code reason} and the CLI's error code. */
    public enum SkipCause {
        FEATURE_FLAG_DISABLED("feature_flag_disabled"),
        RUN_NOT_QUEUED("run_not_queued");

        private final String code;

        SkipCause(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A recurring task is due. Nothing was recorded for it yet, so a run that may not start leaves no trace. */
    public Decision scheduled(boolean enabled, boolean stopping) {
        if (stopping) {
            return new Decision.RetryLater(); // the next due time, here or on another node
        }
        return enabled ? new Decision.Start() : new Decision.Skip(SkipCause.FEATURE_FLAG_DISABLED);
    }

    /**
     * A queued (manual) run's execution came up.
     *
     * @param recorded the run's status in the run log, empty if it is not there; not asked during a shutdown
     */
    public Decision queued(Supplier<Optional<SyncStatus>> recorded, boolean enabled, boolean stopping) {
        if (stopping) {
            return new Decision.RetryLater();
        }
        if (recorded.get().filter(s -> s == SyncStatus.QUEUED).isEmpty()) {
            // Revived after its node died, or failed meanwhile: the run is settled and the next sync resumes.
            return new Decision.Skip(SkipCause.RUN_NOT_QUEUED);
        }
        if (!enabled) {
            return new Decision.FailQueued(
                    SkipCause.FEATURE_FLAG_DISABLED,
                    SyncError.of(
                            SyncErrorCode.PARTNER_CENTER_DISABLED,
                            featureFlag + " was turned off before the run started."));
        }
        return new Decision.Start();
    }

    /** A run started by hand in this process (the CLI): only the flag can stop it. */
    public Decision direct(boolean enabled) {
        return enabled ? new Decision.Start() : new Decision.Skip(SkipCause.FEATURE_FLAG_DISABLED);
    }

    /**
     * Whether the active run is a queued run nobody will ever execute: queued for longer than the staleness bound and
     * without an execution in the scheduler (its retries were used up). Left alone, it would make every later trigger
     * answer "already queued".
     *
     * @param status the active run's status
     * @param requestedAt when it was queued
     * @param hasExecution whether the scheduler still holds its execution; asked only when the rest says orphaned
     * @return the error to settle it with, or empty when the run may still start
     */
    public Optional<SyncError> orphaned(
            SyncStatus status, Instant requestedAt, Instant staleBefore, BooleanSupplier hasExecution) {
        if (status != SyncStatus.QUEUED || !requestedAt.isBefore(staleBefore) || hasExecution.getAsBoolean()) {
            return Optional.empty();
        }
        return Optional.of(SyncError.of(
                SyncErrorCode.NOT_DISPATCHED,
                "No worker has this queued run any more (its "
                        + "execution was dropped after repeated failures); trigger the sync again."));
    }
}
