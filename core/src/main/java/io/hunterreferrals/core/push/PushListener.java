package io.hunterreferrals.core.push;

/** Observes push runs (log events, metrics); every method has a default so a listener picks what it needs. */
public interface PushListener {

    default void runStarted(PushRunId runId, PushRequest request) {}

    /** A batch went to the destination (or, in a dry run, would have). */
    default void batchPushed(PushRunId runId, int leads, int created, int updated, int rejected) {}

    default void runFinished(PushReport report) {}
}
