package io.hunterreferrals.dynamics;

import java.time.Duration;

/** Waits between retries and between key-status polls; tests record the waits instead of sleeping through them. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
