package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.referral.ReferralId;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * How to call the Referrals API.
 *
 * @param apiUrl scheme, host and optional port (and base path) of the API, {@code https://api.partner.microsoft.com} by
 *     default. A nextLink must point at the same scheme, host and port, or it is refused
 * @param apiVersion the path segment after the base, {@code v1.0}
 * @param pageSize {@code $top}, 1..100 (the documented page maximum)
 * @param maxPages hard cap on pages per query, so a server that never stops linking cannot keep a sync alive
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout per-request timeout until the response arrives
 * @param retry the retry budget per page
 */
public record ReferralsApiConfig(
        URI apiUrl,
        String apiVersion,
        int pageSize,
        int maxPages,
        Duration connectTimeout,
        Duration requestTimeout,
        RetrySettings retry) {

    public static final URI DEFAULT_API_URL = URI.create("https://api.partner.microsoft.com");
    public static final String DEFAULT_API_VERSION = "v1.0";
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_MAX_PAGES = 10_000;

    public static final ReferralsApiConfig DEFAULTS = new ReferralsApiConfig(
            DEFAULT_API_URL,
            DEFAULT_API_VERSION,
            DEFAULT_PAGE_SIZE,
            DEFAULT_MAX_PAGES,
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            RetrySettings.DEFAULTS);

    public ReferralsApiConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        String scheme = apiUrl.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("apiUrl must be an absolute http(s) URL, e.g. " + DEFAULT_API_URL);
        }
        if (apiUrl.getRawQuery() != null || apiUrl.getRawFragment() != null || apiUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("apiUrl must not carry a query, fragment or user info");
        }
        apiVersion = apiVersion == null || apiVersion.isBlank() ? DEFAULT_API_VERSION : apiVersion.strip();
        if (apiVersion.contains("/") || apiVersion.contains("?")) {
            throw new IllegalArgumentException("apiVersion must be a single path segment such as v1.0");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    public ReferralsApiConfig withApiUrl(URI value) {
        return new ReferralsApiConfig(value, apiVersion, pageSize, maxPages, connectTimeout, requestTimeout, retry);
    }

    public ReferralsApiConfig withApiVersion(String value) {
        return new ReferralsApiConfig(apiUrl, value, pageSize, maxPages, connectTimeout, requestTimeout, retry);
    }

    public ReferralsApiConfig withPageSize(int value) {
        return new ReferralsApiConfig(apiUrl, apiVersion, value, maxPages, connectTimeout, requestTimeout, retry);
    }

    public ReferralsApiConfig withMaxPages(int value) {
        return new ReferralsApiConfig(apiUrl, apiVersion, pageSize, value, connectTimeout, requestTimeout, retry);
    }

    public ReferralsApiConfig withTimeouts(Duration connect, Duration request) {
        return new ReferralsApiConfig(apiUrl, apiVersion, pageSize, maxPages, connect, request, retry);
    }

    public ReferralsApiConfig withRetry(RetrySettings value) {
        return new ReferralsApiConfig(apiUrl, apiVersion, pageSize, maxPages, connectTimeout, requestTimeout, value);
    }

    /** {@code {apiUrl}/{apiVersion}/engagements/referrals}, without a query. */
    URI referralsUri() {
        String base = apiUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/" + apiVersion + "/engagements/referrals");
    }

    /**
     * {@code {apiUrl}/{apiVersion}/engagements/referrals/{id}}, the id percent-encoded as one path segment: a
     * {@code /}, {@code ?} or {@code #} in an id can never reach another resource, and a dot-only id is encoded so that
     * nothing between us and the server resolves it as {@code .} or {@code ..}.
     */
    URI referralUri(ReferralId id) {
        String segment = URLEncoder.encode(id.value(), StandardCharsets.UTF_8).replace("+", "%20");
        if (segment.chars().allMatch(c -> c == '.')) {
            segment = segment.replace(".", "%2E");
        }
        return URI.create(referralsUri() + "/" + segment);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
