package io.hunterreferrals.partnercenter;

import java.time.Duration;

/** Waits between retries; injectable so tests can record the waits instead of sleeping through them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
