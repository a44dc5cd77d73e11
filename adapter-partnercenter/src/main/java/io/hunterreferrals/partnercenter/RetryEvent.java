package io.hunterreferrals.partnercenter;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One retry of a Referrals API call, for logs ({@code partner_center_rate_limit retry_after=...}) and metrics. Holds no
 * personal data and no token.
 *
 * @param pageNumber the page being fetched (1-based)
 * @param attempt the attempt that failed (1 for the first call)
 * @param delay how long the client sleeps before the next attempt
 * @param retryAfter the server's Retry-After as sent (before clamping), when there was one
 * @param httpStatus the response status; empty for timeouts and connection failures
 * @param errorCode the error code from the response body, when there was one
 * @param requestId Partner Center's request id of the failed response, when there was one
 */
public record RetryEvent(
        RetryReason reason,
        int pageNumber,
        int attempt,
        Duration delay,
        Optional<Duration> retryAfter,
        OptionalInt httpStatus,
        Optional<String> errorCode,
        Optional<String> requestId) {

    public RetryEvent {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(requestId, "requestId");
    }
}
