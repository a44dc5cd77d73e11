package io.hunterreferrals.simulator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A Dataverse or Entra ID failure produced on demand for the next {@link #times()} matching requests. Build one with a
 * factory, narrow it with {@link #on(DataverseFaultTarget)} and {@link #times(int)}, then
 * {@link DataverseFaults#inject(DataverseFault)} it:
 *
 * <pre>{@code
 * sim.faults().inject(DataverseFault.tooManyRequests(5).times(2));               // 429, Retry-After: 5, twice
 * sim.faults().inject(DataverseFault.missingPrivilege().on(DataverseFaultTarget.BATCH_ITEM));
 * sim.faults().inject(DataverseFault.serviceUnavailable().on(DataverseFaultTarget.TOKEN));
 * }</pre>
 *
 * <p>Separate from the Partner Center {@link Fault}: the failures and the endpoints they hit have nothing in common.
 *
 * @param retryAfterSeconds negative means "send no Retry-After header"
 */
public record DataverseFault(Kind kind, DataverseFaultTarget target, int times, int retryAfterSeconds, Duration delay) {

    /** What goes wrong; the codes and messages are those of dataverse.md §1, §2, §6 and §7. */
    public enum Kind {
        /** 429, 0x80072322: more than 6000 requests in 300 s. */
        REQUEST_LIMIT,
        /** 429, 0x80072321: more than 1,200,000 ms combined execution time in 300 s. */
        EXECUTION_TIME_LIMIT,
        /** 429, 0x80072326: more than 52 concurrent requests. */
        CONCURRENCY_LIMIT,
        /** 503; the body's shape is UNCONFIRMED (dataverse.md has none). */
        SERVICE_UNAVAILABLE,
        /** 403, 0x80072560: the token was issued but the environment has no application user for the app. */
        MISSING_APPLICATION_USER,
        /** 403, 0x80040220 PrivilegeDenied: the application user's role lacks a privilege. */
        MISSING_PRIVILEGE,
        /** 500, 0x80040333 DuplicateRecordsFound: a duplicate detection rule matched. */
        DUPLICATE_DETECTED,
        /** Holds the response back, then answers normally (or with another fault). */
        DELAY,
        /** Token endpoint only: 401 invalid_client AADSTS7000222, the client secret has expired. */
        EXPIRED_CLIENT_SECRET;

        Set<DataverseFaultTarget> allowedTargets() {
            return switch (this) {
                case EXPIRED_CLIENT_SECRET -> EnumSet.of(DataverseFaultTarget.TOKEN);
                case DUPLICATE_DETECTED -> EnumSet.of(DataverseFaultTarget.UPSERT, DataverseFaultTarget.BATCH_ITEM);
                case MISSING_APPLICATION_USER, MISSING_PRIVILEGE ->
                    EnumSet.complementOf(EnumSet.of(DataverseFaultTarget.TOKEN));
                default -> EnumSet.allOf(DataverseFaultTarget.class);
            };
        }
    }

    public DataverseFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(delay, "delay");
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1");
        }
        if (!kind.allowedTargets().contains(target)) {
            throw new IllegalArgumentException(
                    kind + " cannot hit " + target + "; it can hit " + kind.allowedTargets());
        }
    }

    private static DataverseFault of(Kind kind, DataverseFaultTarget target, int retryAfterSeconds, Duration delay) {
        return new DataverseFault(kind, target, 1, retryAfterSeconds, delay);
    }

    /** 429 with {@code Retry-After: seconds}, the request-count limit. */
    public static DataverseFault tooManyRequests(int retryAfterSeconds) {
        return of(Kind.REQUEST_LIMIT, DataverseFaultTarget.WEB_API, retryAfterSeconds, Duration.ZERO);
    }

    /** 429 with {@code Retry-After: seconds}, the execution-time limit. */
    public static DataverseFault executionTimeExceeded(int retryAfterSeconds) {
        return of(Kind.EXECUTION_TIME_LIMIT, DataverseFaultTarget.WEB_API, retryAfterSeconds, Duration.ZERO);
    }

    /** 429 with {@code Retry-After: seconds}, the concurrency limit. */
    public static DataverseFault tooManyConcurrentRequests(int retryAfterSeconds) {
        return of(Kind.CONCURRENCY_LIMIT, DataverseFaultTarget.WEB_API, retryAfterSeconds, Duration.ZERO);
    }

    public static DataverseFault serviceUnavailable() {
        return of(Kind.SERVICE_UNAVAILABLE, DataverseFaultTarget.WEB_API, -1, Duration.ZERO);
    }

    public static DataverseFault missingApplicationUser() {
        return of(Kind.MISSING_APPLICATION_USER, DataverseFaultTarget.WEB_API, -1, Duration.ZERO);
    }

    public static DataverseFault missingPrivilege() {
        return of(Kind.MISSING_PRIVILEGE, DataverseFaultTarget.WEB_API, -1, Duration.ZERO);
    }

    /** Hits single upserts by default; {@code .on(BATCH_ITEM)} for upserts inside a batch. */
    public static DataverseFault duplicateDetected() {
        return of(Kind.DUPLICATE_DETECTED, DataverseFaultTarget.UPSERT, -1, Duration.ZERO);
    }

    public static DataverseFault delay(Duration delay) {
        return of(Kind.DELAY, DataverseFaultTarget.WEB_API, -1, delay);
    }

    public static DataverseFault expiredClientSecret() {
        return of(Kind.EXPIRED_CLIENT_SECRET, DataverseFaultTarget.TOKEN, -1, Duration.ZERO);
    }

    public DataverseFault times(int n) {
        return new DataverseFault(kind, target, n, retryAfterSeconds, delay);
    }

    public DataverseFault on(DataverseFaultTarget newTarget) {
        return new DataverseFault(kind, newTarget, times, retryAfterSeconds, delay);
    }

    /** Adds (or, with a negative value, removes) the Retry-After header, e.g. on a 503. */
    public DataverseFault retryAfter(int seconds) {
        return new DataverseFault(kind, target, times, seconds, delay);
    }
}
