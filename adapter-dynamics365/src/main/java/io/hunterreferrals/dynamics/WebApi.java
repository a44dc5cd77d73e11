package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.push.LeadDestinationException;
import io.hunterreferrals.core.push.PushErrorCode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one Web API request with a token and the OData headers, and applies the retry rules: 429 waits what
 * {@code Retry-After} says; 5xx, timeouts, connection failures and an unreachable Entra ID back off; all within one
 * {@link RetryBudget}. A 401 gets one fresh token and one more try; a 403 ends at once. Anything else is the caller's:
 * 2xx and the other 4xx are returned as they are.
 *
 * <p>Retrying a whole {@code $batch} is safe: every operation in it is an upsert by key, so one applied twice leaves
 * the same lead.
 */
final class WebApi {

    private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);

    /** Why an attempt is worth another. */
    private enum Reason {
        THROTTLED,
        SERVER_ERROR,
        TIMEOUT,
        CONNECTION_FAILED,
        IDENTITY_UNAVAILABLE
    }

    private record Failure(Reason reason, WebApiResponse response, Optional<Duration> retryAfter, Exception cause) {}

    private final DataverseConfig config;
    private final TokenSource tokens;
    private final HttpClient http;
    private final WebApiFailures failures;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;

    WebApi(
            DataverseConfig config,
            TokenSource tokens,
            HttpClient http,
            WebApiFailures failures,
            Sleeper sleeper,
            RandomGenerator random,
            Clock clock) {
        this.config = config;
        this.tokens = tokens;
        this.http = http;
        this.failures = failures;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
    }

    WebApiFailures failures() {
        return failures;
    }

    /** Where requests go: the environment's {@code /api/data/v9.2/}, or the loopback route's. */
    java.net.URI serviceRoot() {
        return config.serviceRoot();
    }

    WebApiResponse call(WebApiRequest request) {
        RetryBudget budget = new RetryBudget(config.retry(), random);
        boolean refreshed = false;
        boolean fresh = false;
        while (true) {
            Failure failure;
            try {
                String token = tokens.accessToken(fresh);
                fresh = false;
                WebApiResponse response =
                        WebApiResponse.of(http.send(build(request, token), HttpResponse.BodyHandlers.ofString()));
                int status = response.status();
                // The 401 body's shape is UNCONFIRMED (dataverse.md §1): only the status is read.
                if (status == 401) {
                    if (refreshed) {
                        throw failures.tokenRefused(response);
                    }
                    // MSAL would hand out the same cached token again; the token's fault spends no budget.
                    refreshed = true;
                    fresh = true;
                    continue;
                }
                if (status == 403) {
                    throw failures.forbidden(response, request.operation());
                }
                if (status != 429 && status < 500) {
                    return response;
                }
                Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), clock.instant());
                failure =
                        new Failure(status == 429 ? Reason.THROTTLED : Reason.SERVER_ERROR, response, retryAfter, null);
            } catch (TokenUnavailableException e) {
                failure = new Failure(Reason.IDENTITY_UNAVAILABLE, null, Optional.empty(), e);
            } catch (HttpTimeoutException e) {
                failure = new Failure(Reason.TIMEOUT, null, Optional.empty(), e);
            } catch (IOException e) {
                failure = new Failure(Reason.CONNECTION_FAILED, null, Optional.empty(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(e);
            }
            Optional<Duration> wait = budget.nextWait(failure.retryAfter());
            if (wait.isEmpty()) {
                throw giveUp(request, failure, budget);
            }
            log(request, failure, budget.attempts(), wait.get());
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(e);
            }
        }
    }

    private HttpRequest build(WebApiRequest r, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(r.uri(config.serviceRoot()))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("OData-MaxVersion", "4.0")
                .header("OData-Version", "4.0")
                .header("Accept", "application/json");
        if (r.body() != null && !r.headers().containsKey("Content-Type")) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        r.headers().forEach(b::header);
        return b.method(
                        r.method(),
                        r.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(r.body()))
                .build();
    }

    private void log(WebApiRequest request, Failure f, int nextAttempt, Duration wait) {
        WebApiResponse r = f.response();
        var event = (f.reason() == Reason.THROTTLED ? LOG.atWarn() : LOG.atInfo())
                .addKeyValue("purpose", request.purpose())
                .addKeyValue("reason", f.reason().name().toLowerCase(Locale.ROOT))
                .addKeyValue("http_status", r == null ? null : r.status())
                .addKeyValue("error_code", r == null ? null : r.error().code())
                .addKeyValue("request_id", r == null ? null : r.requestId())
                .addKeyValue("attempt", nextAttempt)
                .addKeyValue("wait_ms", wait.toMillis());
        if (f.reason() == Reason.THROTTLED) {
            event.addKeyValue(
                            "retry_after",
                            f.retryAfter().map(Duration::toSeconds).orElse(null))
                    .log("dynamics_rate_limit");
        } else {
            event.log("dynamics_request_retried");
        }
    }

    private LeadDestinationException giveUp(WebApiRequest request, Failure f, RetryBudget budget) {
        WebApiResponse r = f.response();
        String after = " after " + budget.attempts() + " attempt(s) and "
                + budget.waited().toSeconds() + " s of waiting";
        String next = " The push stopped; the next run sends what is left.";
        LOG.atWarn()
                .addKeyValue("purpose", request.purpose())
                .addKeyValue("reason", f.reason().name().toLowerCase(Locale.ROOT))
                .addKeyValue("http_status", r == null ? null : r.status())
                .addKeyValue("error_code", r == null ? null : r.error().code())
                .addKeyValue("request_id", r == null ? null : r.requestId())
                .addKeyValue("attempts", budget.attempts())
                .log("dynamics_request_failed");
        return switch (f.reason()) {
            case THROTTLED ->
                WebApiFailures.failure(
                        PushErrorCode.THROTTLED,
                        "Dynamics 365 kept throttling the " + request.purpose() + " (service protection limits" + after
                                + ")." + next + " Lower HUNTER_DYNAMICS_BATCH_SIZE if it recurs.",
                        r);
            case SERVER_ERROR ->
                WebApiFailures.failure(
                        PushErrorCode.UNAVAILABLE,
                        "Dynamics 365 kept failing the " + request.purpose() + after + "." + next,
                        r);
            case TIMEOUT, CONNECTION_FAILED, IDENTITY_UNAVAILABLE -> {
                String what = switch (f.reason()) {
                    case TIMEOUT ->
                        "no answer within " + config.requestTimeout().toSeconds() + " s";
                    case IDENTITY_UNAVAILABLE -> f.cause().getMessage();
                    default -> "connection failed: " + f.cause().getClass().getSimpleName();
                };
                yield new LeadDestinationException(
                        PushErrorCode.NETWORK_ERROR,
                        "Could not reach Dynamics 365 at " + config.serviceRoot() + " for the " + request.purpose()
                                + " (" + what + ")" + after + "." + next
                                + " Check the network, the proxy and HUNTER_DYNAMICS_URL.",
                        f.reason() == Reason.IDENTITY_UNAVAILABLE
                                ? ((TokenUnavailableException) f.cause()).httpStatus()
                                : null,
                        null,
                        null,
                        f.cause());
            }
        };
    }

    private static LeadDestinationException interrupted(InterruptedException e) {
        return new LeadDestinationException(
                PushErrorCode.INTERRUPTED, "Interrupted while calling Dynamics 365.", null, null, null, e);
    }
}
