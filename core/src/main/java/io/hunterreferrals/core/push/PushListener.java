package io.hunterreferrals.core.push;

import io.hunterreferrals.core.referral.ReferralId;

/** Observes push runs (log events, metrics); every method has a default so a listener picks what it needs. */
public interface PushListener {

    default void runStarted(PushRunId runId, PushRequest request) {}

    /** A batch went to the destination (or, in a dry run, would have). */
    default void batchPushed(PushRunId runId, int leads, int created, int updated, int rejected) {}

    /** The write-back of a lead id to its referral in Partner Center was tried ({@link ReferralWriteBack}). */
    default void leadIdWrittenBack(PushRunId runId, ReferralId referral, WriteBackResult result) {}

    default void runFinished(PushReport report) {}

    /** One listener telling each of {@code listeners}, in order. */
    static PushListener all(java.util.List<PushListener> listeners) {
        java.util.List<PushListener> copy = java.util.List.copyOf(listeners);
        return new PushListener() {
            @Override
            public void runStarted(PushRunId runId, PushRequest request) {
                copy.forEach(l -> l.runStarted(runId, request));
            }

            @Override
            public void batchPushed(PushRunId runId, int leads, int created, int updated, int rejected) {
                copy.forEach(l -> l.batchPushed(runId, leads, created, updated, rejected));
            }

            @Override
            public void leadIdWrittenBack(PushRunId runId, ReferralId referral, WriteBackResult result) {
                copy.forEach(l -> l.leadIdWrittenBack(runId, referral, result));
            }

            @Override
            public void runFinished(PushReport report) {
                copy.forEach(l -> l.runFinished(report));
            }
        };
    }
}
