package io.hunterreferrals.core.sync;

/** Driving port: ask for an asynchronous sync (the API's sync button, the scheduler). */
public interface RequestSync {

    /** Queues a run unless one is queued or running, in which case that run is returned instead. */
    EnqueueOutcome request(SyncTrigger trigger, SyncMode mode);
}
