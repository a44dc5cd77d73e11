package io.hunterreferrals.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the simulator produces on demand, for the next {@link #times()} matching requests. Build one with a
 * factory, narrow it with {@link #on(FaultTarget)} / {@link #onPage(int)} / {@link #times(int)}, and hand it to
 * {@link SimulatedFaults#inject(Fault)}:
 *
 * <pre>{@code
 * sim.faults().inject(Fault.tooManyRequests(2).times(3)); // next 3 Referrals API calls get 429, Retry-After: 2
 * sim.faults().inject(Fault.serviceUnavailable(1).onPage(2));      // 503 the first time page 2 is fetched
 * sim.faults().inject(Fault.foreignNextLink().onPage(1));          // page 1 links to the foreign host
 * }</pre>
 *
 * @param retryAfterSeconds negative means "send no Retry-After header"
 * @param page only list page {@code page} (1-based, counted along one nextLink chain); null means any
 */
public record Fault(
        Kind kind,
        FaultTarget target,
        int times,
        Integer page,
        int retryAfterSeconds,
        boolean retryAfterAsHttpDate,
        Duration delay) {

    /** What goes wrong. The last four tamper with a list page's response and only ever hit list calls. */
    public enum Kind {
        TOO_MANY_REQUESTS,
        INTERNAL_SERVER_ERROR,
        SERVICE_UNAVAILABLE,
        FORBIDDEN,
        DELAY,
        MALFORMED_JSON,
        NEXT_LINK_LOOP,
        FOREIGN_NEXT_LINK,
        CONNECTION_RESET;

        boolean tampersWithPage() {
            return this == MALFORMED_JSON
                    || this == NEXT_LINK_LOOP
                    || this == FOREIGN_NEXT_LINK
                    || this == CONNECTION_RESET;
        }
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(delay, "delay");
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1");
        }
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page is 1-based");
        }
        if (kind.tampersWithPage()) {
            target = FaultTarget.REFERRALS_LIST;
        }
        if (page != null) {
            target = FaultTarget.REFERRALS_LIST;
        }
    }

    private static Fault of(Kind kind, int retryAfterSeconds, Duration delay) {
        return new Fault(kind, FaultTarget.REFERRALS, 1, null, retryAfterSeconds, false, delay);
    }

    /** 429 with {@code Retry-After: seconds} and the API gateway's {"statusCode":429,"message":...} body. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        return of(Kind.TOO_MANY_REQUESTS, retryAfterSeconds, Duration.ZERO);
    }

    /** 500 with a generalException error body. */
    public static Fault internalServerError() {
        return of(Kind.INTERNAL_SERVER_ERROR, -1, Duration.ZERO);
    }

    /** 503 serviceNotAvailable without Retry-After. */
    public static Fault serviceUnavailable() {
        return of(Kind.SERVICE_UNAVAILABLE, -1, Duration.ZERO);
    }

    /** 503 serviceNotAvailable with {@code Retry-After: seconds}. */
    public static Fault serviceUnavailable(int retryAfterSeconds) {
        return of(Kind.SERVICE_UNAVAILABLE, retryAfterSeconds, Duration.ZERO);
    }

    /** 403 accessDenied, as when the user lacks the Referral Admin/User role. */
    public static Fault forbidden() {
        return of(Kind.FORBIDDEN, -1, Duration.ZERO);
    }

    /** Holds the response back, then answers normally (or with another fault): for client timeouts. */
    public static Fault delay(Duration delay) {
        return of(Kind.DELAY, -1, delay);
    }

    /** A 200 list page whose body is cut off mid-JSON. */
    public static Fault malformedPage() {
        return of(Kind.MALFORMED_JSON, -1, Duration.ZERO);
    }

    /**
     * The page's nextLink is the very link that was just requested. Use {@code .onPage(2)} or later for a true repeat;
     * on page 1 it points at page 1 again.
     */
    public static Fault nextLinkLoop() {
        return of(Kind.NEXT_LINK_LOOP, -1, Duration.ZERO);
    }

    /** The page's nextLink points at the simulator's foreign host, which must never see a bearer token. */
    public static Fault foreignNextLink() {
        return of(Kind.FOREIGN_NEXT_LINK, -1, Duration.ZERO);
    }

    /**
     * A 200 list page whose connection is closed halfway through the body it announced (Content-Length): what a proxy
     * restart or a network drop looks like to the client.
     */
    public static Fault connectionReset() {
        return of(Kind.CONNECTION_RESET, -1, Duration.ZERO);
    }

    public Fault times(int n) {
        return new Fault(kind, target, n, page, retryAfterSeconds, retryAfterAsHttpDate, delay);
    }

    public Fault on(FaultTarget newTarget) {
        return new Fault(kind, newTarget, times, page, retryAfterSeconds, retryAfterAsHttpDate, delay);
    }

    public Fault onPage(int k) {
        return new Fault(kind, target, times, k, retryAfterSeconds, retryAfterAsHttpDate, delay);
    }

    /** Send Retry-After as an HTTP-date (RFC 1123) instead of delta-seconds. */
    public Fault withHttpDateRetryAfter() {
        return new Fault(kind, target, times, page, retryAfterSeconds, true, delay);
    }

    boolean matches(Endpoint endpoint, Integer listPage) {
        return target.matches(endpoint) && (page == null || page.equals(listPage));
    }
}
