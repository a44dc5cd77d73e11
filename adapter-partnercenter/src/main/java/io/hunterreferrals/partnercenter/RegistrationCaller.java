package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.sync.ReferralSourceException;
import io.hunterreferrals.core.sync.SourceFailure;
import io.hunterreferrals.core.webhook.WebhookRegistryErrorCode;
import io.hunterreferrals.core.webhook.WebhookRegistryException;
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
 * One logical call of the webhook registration API, with its retries: one {@code MS-RequestId} for the call and all its
 * retries (Partner Center's idempotency key, so a create that timed out and is sent again is not made twice) and one
 * {@code MS-CorrelationId} tying them together. A 401 refreshes the token once; server errors, timeouts and connection
 * failures are retried within the {@link RetrySettings}; any other answer is the caller's to read.
 */
final class RegistrationCaller {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationCaller.class);

    /**
     * An answer that is neither a 401 nor a 5xx: the operation decides what it means (a 404 differs by operation).
     *
     * @param retryAfter the Retry-After as sent, parsed, when there was one (a 429 names its wait)
     */
    record Response(int status, String body, Optional<String> requestId, Optional<Duration> retryAfter) {}

    private final HttpClient http;
    private final WebhookApiConfig config;
    private final AccessTokenSource tokens;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final PartnerCenterListener listener;
    private final Clock clock;

    RegistrationCaller(
            HttpClient http,
            WebhookApiConfig config,
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

    /**
     * @param what the operation, for messages ("reading the registration")
     * @param jsonBody sent as {@code application/json}; null for none
     */
    Response call(String method, URI uri, String jsonBody, String what) {
        String msRequestId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        boolean refreshed = false;
        boolean forceRefresh = false;
        Duration waited = Duration.ZERO;
        int attempt = 0;
        int backoffs = 0;
        while (true) {
            attempt++;
            String token = token(forceRefresh);
            forceRefresh = false;
            HttpRequest request = request(method, uri, jsonBody, token, msRequestId, correlationId);
            RetryReason reason;
            Integer status = null;
            Optional<String> requestId = Optional.empty();
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                requestId = RegistrationErrors.requestId(response.headers());
                retryAfter = RetryAfterHeader.parse(ResponseHeaders.retryAfter(response.headers()), clock.instant());
                if (status == 401 && !refreshed) {
                    // MSAL would hand back the same rejected token: redeem the refresh token once, at once.
                    refreshed = true;
                    forceRefresh = true;
                    attempt--;
                    notify(RetryReason.TOKEN_REJECTED, attempt + 1, Duration.ZERO, status, requestId, retryAfter);
                    continue;
                }
                if (status == 401) {
                    throw RegistrationErrors.tokenRefused(requestId);
                }
                if (status < 500) {
                    return new Response(status, response.body(), requestId, retryAfter);
                }
                reason = RetryReason.SERVER_ERROR;
            } catch (HttpTimeoutException e) {
                reason = RetryReason.TIMEOUT;
            } catch (IOException e) {
                reason = RetryReason.CONNECTION_FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookRegistryException(
                        WebhookRegistryErrorCode.UNAVAILABLE,
                        "Interrupted while " + what + ".",
                        Optional.empty(),
                        Optional.empty());
            }
            int retry = ++backoffs;
            Duration wait = retryAfter.map(policy::clampRetryAfter).orElseGet(() -> policy.backoff(retry));
            RetrySettings settings = policy.settings();
            if (attempt >= settings.maxAttempts() || waited.plus(wait).compareTo(settings.maxTotalWait()) > 0) {
                LOG.atWarn()
                        .addKeyValue("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                        .addKeyValue("attempts", attempt)
                        .addKeyValue("http_status", status)
                        .addKeyValue("request_id", requestId.orElse(null))
                        .log("partner_center_webhook_api_gave_up");
                throw RegistrationErrors.unavailable(what, reason, status, attempt, requestId);
            }
            notify(reason, attempt, wait, status, requestId, retryAfter);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookRegistryException(
                        WebhookRegistryErrorCode.UNAVAILABLE,
                        "Interrupted while waiting to retry " + what + ".",
                        Optional.ofNullable(status),
                        requestId);
            }
            waited = waited.plus(wait);
        }
    }

    private String token(boolean forceRefresh) {
        try {
            return tokens.accessToken(forceRefresh);
        } catch (ReferralSourceException e) {
            if (e.failure() == SourceFailure.SIGN_IN_REQUIRED) {
                throw RegistrationErrors.noToken(e);
            }
            throw new WebhookRegistryException(
                    WebhookRegistryErrorCode.UNAVAILABLE,
                    "No token for Partner Center's webhook API: " + e.getMessage(),
                    Optional.empty(),
                    Optional.empty());
        }
    }

    private HttpRequest request(
            String method, URI uri, String jsonBody, String token, String msRequestId, String correlationId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("MS-RequestId", msRequestId)
                .header("MS-CorrelationId", correlationId);
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder.build();
    }

    private void notify(
            RetryReason reason,
            int attempt,
            Duration wait,
            Integer status,
            Optional<String> requestId,
            Optional<Duration> retryAfter) {
        LOG.atDebug()
                .addKeyValue("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                .addKeyValue("http_status", status)
                .addKeyValue("attempt", attempt)
                .addKeyValue("wait_ms", wait.toMillis())
                .addKeyValue("request_id", requestId.orElse(null))
                .log("partner_center_webhook_api_retrying");
        listener.onRetry(new RetryEvent(
                reason,
                0,
                attempt,
                wait,
                retryAfter,
                status == null ? OptionalInt.empty() : OptionalInt.of(status),
                Optional.empty(),
                requestId));
    }
}
