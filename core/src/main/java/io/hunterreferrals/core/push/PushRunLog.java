package io.hunterreferrals.core.push;

import java.time.Instant;

/**
 * Driven port: the record of push runs, and the guard that keeps two from overlapping, whichever process or instance
 * starts them (a run that dies with its process must not block the next one).
 */
public interface PushRunLog {

    /** Records a running run, unless another one is running. */
    PushClaim start(PushRunId runId, PushRequest request, Instant at);

    /** Records how the run ended and lets the next one start. */
    void finish(PushReport report);

    /** The outcome of {@link #start}. */
    sealed interface PushClaim {
        record Started() implements PushClaim {}

        record Busy(PushRunId activeRun) implements PushClaim {}
    }
}
