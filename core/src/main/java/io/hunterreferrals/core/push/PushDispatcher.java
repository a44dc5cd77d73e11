package io.hunterreferrals.core.push;

import io.hunterreferrals.core.push.PushRequest.PushTrigger;

/**
 * Driven port: hands a push to whatever runs pushes in the background (the server's scheduler, possibly on another
 * node). A push reads every due referral, so one waiting is as good as two: a request while one waits joins it.
 */
public interface PushDispatcher {

    Dispatched dispatch(PushTrigger trigger);

    /** What {@link #dispatch} did. */
    enum Dispatched {
        /** A new push will run soon. */
        QUEUED,
        /** A push was already waiting (or running); it will take this request's referrals too. */
        ALREADY_QUEUED
    }
}
