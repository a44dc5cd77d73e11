package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of the Referrals API ({@link ApiCall}: the sync's GET of a page, the write-back's PATCH), with the token,
 * the headers Partner Center asks for, and the retry rules: 429/503 honour Retry-After; other 5xx, timeouts and
 * connection failures back off exponentially; 401 refreshes the token once; 403 and other 4xx fail at once (or, for a
 * call that answers client errors, come back as the response). Everything stays within the {@link RetrySettings}
 * budget, after which a typed {@link ReferralSourceException} names the status, error code and request id of the last
 * response.
 */
final class ApiCaller {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCaller.class);

    private final HttpClient http;
    private final ReferralsApiConfig config;
    private final AccessTokenSource tokens;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final PartnerCenterListener listener;
    private final Clock clock;

    ApiCaller(
            HttpClient http,
            ReferralsApiConfig config,
            AccessTokenSource tokens,
            RetryPolicy policy,
            Sleeper sleeper,
            PartnerCenterListener listener,
            Clock clock) {
        this.http = http;
        this.config = config;
        this.tokens = tokens;
        this.policy = policy;
        this.sleeper = sleeper;
        this.listener = listener;
        this.clock = clock;
    }

    /** What went wrong with one attempt, if it is worth another. */
    private record Failure(
            RetryReason reason,
            SourceFailure kind,
            Integer status,
            ErrorBody error,
            String requestId,
            Optional<Duration> retryAfter,
            Throwable cause) {}

    ApiResponse get(URI uri, int pageNumber) {
        return call(ApiCall.page(uri, pageNumber));
    }

    ApiResponse call(ApiCall call) {
        int pageNumber = call.pageNumber();
        RetrySettings settings = policy.settings();
        Duration waited = Duration.ZERO;
        boolean refreshedAfter401 = false;
        boolean forceRefresh = false;
        // Partner Center's idempotency id: the same value when retrying after a timeout, a new one after any response.
        String msRequestId = UUID.randomUUID().toString();
        int attempt = 0;
        int backoffs = 0;
        while (true) {
            attempt++;
            String token = tokens.accessToken(forceRefresh);
            forceRefresh = false;
            HttpRequest request = request(call, token, msRequestId);
            Failure failure;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                msRequestId = UUID.randomUUID().toString();
                int status = response.statusCode();
                String requestId = ResponseHeaders.requestId(response.headers());
                if (status >= 200 && status < 300) {
                    return new ApiResponse(status, response.body(), requestId, attempt);
                }
                ErrorBody error = ErrorBody.parse(response.body());
                if (status == 401) {
                    if (refreshedAfter401) {
                        throw new ReferralSourceException(
                                SourceFailure.SIGN_IN_REQUIRED,
                                "Partner Center rejected a"
                                        + " freshly refreshed token (401" + codeSuffix(error) + ", request id "
                                        + orNone(requestId)
                                        + "). Run `hunter auth login`; if it persists, check the app registration's API"
                                        + " permissions.",
                                status,
                                error.code(),
                                requestId,
                                null);
                    }
                    // MSAL would return the same cached (revoked) token again; force one refresh, retry at once.
                    refreshedAfter401 = true;
                    forceRefresh = true;
                    attempt--; // the token's fault, not the server's: does not spend the retry budget
                    notify(
                            new Failure(
                                    RetryReason.TOKEN_REJECTED,
                                    SourceFailure.SIGN_IN_REQUIRED,
                                    status,
                                    error,
                                    requestId,
                                    Optional.empty(),
                                    null),
                            pageNumber,
                            attempt + 1,
                            Duration.ZERO);
                    continue;
                }
                if ((call.answersClientErrors() && status >= 400 && status < 500 && status != 429)
                        || (call.answersNotFound() && status == 404)) {
                    return new ApiResponse(status, response.body(), requestId, attempt);
                }
                if (status == 403) {
                    throw new ReferralSourceException(
                            SourceFailure.FORBIDDEN,
                            "Partner Center refused access (403"
                                    + codeSuffix(error) + ", request id " + orNone(requestId)
                                    + "). The signed-in user needs the"
                                    + " Referral Admin or Referral User role, and the app needs admin consent.",
                            status,
                            error.code(),
                            requestId,
                            null);
                }
                Optional<Duration> retryAfter =
                        RetryAfterHeader.parse(ResponseHeaders.retryAfter(response.headers()), clock.instant());
                if (status == 429) {
                    failure = new Failure(
                            RetryReason.THROTTLED, SourceFailure.THROTTLED, status, error, requestId, retryAfter, null);
                } else if (status == 503 && retryAfter.isPresent()) {
                    failure = new Failure(
                            RetryReason.THROTTLED,
                            SourceFailure.UNAVAILABLE,
                            status,
                            error,
                            requestId,
                            retryAfter,
                            null);
                } else if (status >= 500) {
                    failure = new Failure(
                            RetryReason.SERVER_ERROR,
                            SourceFailure.UNAVAILABLE,
                            status,
                            error,
                            requestId,
                            Optional.empty(),
                            null);
                } else {
                    throw new ReferralSourceException(
                            SourceFailure.REJECTED,
                            "Partner Center rejected the request ("
                                    + status + codeSuffix(error) + messageSuffix(error) + ", request id "
                                    + orNone(requestId)
                                    + "). This is not retried; check the API URL and version settings.",
                            status,
                            error.code(),
                            requestId,
                            null);
                }
            } catch (HttpTimeoutException e) {
                failure = new Failure(
                        RetryReason.TIMEOUT, SourceFailure.NETWORK, null, ErrorBody.NONE, null, Optional.empty(), e);
            } catch (IOException e) {
                failure = new Failure(
                        RetryReason.CONNECTION_FAILED,
                        SourceFailure.NETWORK,
                        null,
                        ErrorBody.NONE,
                        null,
                        Optional.empty(),
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReferralSourceException(
                        SourceFailure.NETWORK, "Interrupted while calling Partner Center.", null, null, null, e);
            }

            Duration wait = failure.retryAfter().isPresent()
                    ? policy.clampRetryAfter(failure.retryAfter().get())
                    : policy.backoff(++backoffs);
            if (attempt >= settings.maxAttempts() || waited.plus(wait).compareTo(settings.maxTotalWait()) > 0) {
                throw giveUp(failure, attempt, waited, call.afterGiveUp());
            }
            notify(failure, pageNumber, attempt, wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReferralSourceException(
                        SourceFailure.NETWORK,
                        "Interrupted while waiting to retry Partner Center.",
                        failure.status(),
                        failure.error().code(),
                        failure.requestId(),
                        e);
            }
            waited = waited.plus(wait);
        }
    }

    private HttpRequest request(ApiCall call, String token, String msRequestId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                .method(
                        call.method(),
                        call.jsonBody()
                                .map(HttpRequest.BodyPublishers::ofString)
                                .orElseGet(HttpRequest.BodyPublishers::noBody));
        call.jsonBody().ifPresent(body -> builder.header("Content-Type", "application/json"));
        call.headers().forEach(builder::header);
        return builder.timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("MS-CorrelationId", UUID.randomUUID().toString())
                .header("MS-RequestId", msRequestId)
                .header("client-request-id", UUID.randomUUID().toString())
                .build();
    }

    private void notify(Failure f, int pageNumber, int attempt, Duration wait) {
        // The listener turns this into the operator-facing events (partner_center_rate_limit, ...); this is the trace.
        LOG.atDebug()
                .addKeyValue("page", pageNumber)
                .addKeyValue("reason", f.reason().name().toLowerCase(java.util.Locale.ROOT))
                .addKeyValue("http_status", f.status())
                .addKeyValue("error_code", f.error().code())
                .addKeyValue("attempt", attempt)
                .addKeyValue("wait_ms", wait.toMillis())
                .addKeyValue("request_id", f.requestId())
                .log("partner_center_call_retrying");
        listener.onRetry(new RetryEvent(
                f.reason(),
                pageNumber,
                attempt,
                wait,
                f.retryAfter(),
                f.status() == null ? OptionalInt.empty() : OptionalInt.of(f.status()),
                Optional.ofNullable(f.error().code()),
                Optional.ofNullable(f.requestId())));
    }

    private ReferralSourceException giveUp(Failure f, int attempts, Duration waited, String afterGiveUp) {
        String what = switch (f.kind()) {
            case THROTTLED -> "Partner Center kept throttling the request (429";
            case UNAVAILABLE -> "Partner Center kept failing (" + f.status();
            default ->
                "Partner Center could not be reached ("
                        + (f.reason() == RetryReason.TIMEOUT
                                ? "no response within "
                                        + config.requestTimeout().toSeconds() + " s"
                                : f.cause() == null
                                        ? "connection failed"
                                        : f.cause().getClass().getSimpleName());
        };
        String message = what + codeSuffix(f.error()) + messageSuffix(f.error()) + ") after " + attempts
                + " attempt(s) and " + waited.toSeconds() + " s of waiting; request id " + orNone(f.requestId())
                + ". " + afterGiveUp;
        LOG.atWarn()
                .addKeyValue("failure", f.kind().code())
                .addKeyValue("attempts", attempts)
                .addKeyValue("http_status", f.status())
                .addKeyValue("error_code", f.error().code())
                .addKeyValue("request_id", f.requestId())
                .log("partner_center_call_gave_up");
        return new ReferralSourceException(
                f.kind(), message, f.status(), f.error().code(), f.requestId(), f.cause());
    }

    private static String orNone(String requestId) {
        return requestId == null ? "none" : requestId;
    }

    private static String codeSuffix(ErrorBody e) {
        return e.code() == null ? "" : " " + e.code();
    }

    private static String messageSuffix(ErrorBody e) {
        return e.message() == null ? "" : ": " + e.message();
    }
}
