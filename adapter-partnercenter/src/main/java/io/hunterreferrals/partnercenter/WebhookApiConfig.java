package io.hunterreferrals.partnercenter;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to call Partner Center's webhook registration API ({@code /webhooks/v1/registration}).
 *
 * @param baseUrl scheme, host and optional port of the classic Partner Center API,
 *     {@code https://api.partnercenter.microsoft.com} by default (the simulator's URL in tests and the demo); https, or
 *     plain http to a loopback address only, since the bearer token travels on it
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout per-request timeout until the response arrives
 * @param retry the retry budget of one call: only server errors, timeouts and connection failures are retried, each
 *     time with the same {@code MS-RequestId}, which Partner Center takes as the idempotency key
 */
public record WebhookApiConfig(URI baseUrl, Duration connectTimeout, Duration requestTimeout, RetrySettings retry) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.partnercenter.microsoft.com");

    /** A command waits on these calls: a few quick retries, never minutes. */
    public static final RetrySettings DEFAULT_RETRY = new RetrySettings(
            3,
            Duration.ofSeconds(20),
            Duration.ofSeconds(1),
            Duration.ofSeconds(8),
            Duration.ofSeconds(1),
            Duration.ofSeconds(10));

    public static final WebhookApiConfig DEFAULTS =
            new WebhookApiConfig(DEFAULT_BASE_URL, Duration.ofSeconds(10), Duration.ofSeconds(30), DEFAULT_RETRY);

    public WebhookApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (baseUrl.getHost() == null
                || !(scheme.equals("https") || (scheme.equals("http") && WebhookTrust.isLoopback(baseUrl.getHost())))) {
            throw new IllegalArgumentException("baseUrl must be an https URL such as " + DEFAULT_BASE_URL
                    + " (plain http only to a loopback address), was " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl must not carry a query, fragment or user info");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    public WebhookApiConfig withBaseUrl(URI value) {
        return new WebhookApiConfig(value, connectTimeout, requestTimeout, retry);
    }

    public WebhookApiConfig withTimeouts(Duration connect, Duration request) {
        return new WebhookApiConfig(baseUrl, connect, request, retry);
    }

    public WebhookApiConfig withRetry(RetrySettings value) {
        return new WebhookApiConfig(baseUrl, connectTimeout, requestTimeout, value);
    }

    /** {@code {baseUrl}/webhooks/v1/registration} followed by {@code rest} (already encoded). */
    URI registrationUri(String rest) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/webhooks/v1/registration" + rest);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
