package io.hunterreferrals.core.push;

/** What became of a push request. */
public sealed interface PushOutcome {

    /** The run ran; its report says how it ended. */
    record Finished(PushReport report) implements PushOutcome {}

    /** Another push is running; nothing was done. */
    record Busy(PushRunId activeRun) implements PushOutcome {}
}
