package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.sync.ReferralSource;
import io.hunterreferrals.core.sync.SourceQuery;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The Partner Center Referrals API as core's {@link ReferralSource}: {@code GET
 * {apiUrl}/{apiVersion}/engagements/referrals?$filter=...&$orderby=updatedDateTime asc&$top=N}, then the
 * {@code @odata.nextLink}s; a query that names its referrals reads each with {@code GET .../referrals/{id}} into one
 * page instead. Thread-safe; each {@link #open} returns an independent cursor.
 *
 * <pre>{@code
 * ReferralSource source = PartnerCenterReferralSource.builder(apiConfig, auth.tokenSource())
 *         .listener(myListener)
 *         .build();
 * }</pre>
 */
public final class PartnerCenterReferralSource implements ReferralSource {

    private final ReferralsApiConfig config;
    private final ApiCaller caller;
    private final NextLinkGuard guard;
    private final PartnerCenterListener listener;

    private PartnerCenterReferralSource(Builder b) {
        this.config = b.config;
        this.listener = b.listener;
        HttpClient http = b.httpClient != null
                ? b.httpClient
                : HttpClient.newBuilder()
                        .connectTimeout(config.connectTimeout())
                        // Never follow a redirect: it would carry the bearer token to wherever the Location points.
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.caller = new ApiCaller(
                http, config, b.tokens, new RetryPolicy(config.retry(), b.random), b.sleeper, b.listener, b.clock);
        this.guard = new NextLinkGuard(config.apiUrl());
    }

    public static Builder builder(ReferralsApiConfig config, AccessTokenSource tokens) {
        return new Builder(config, tokens);
    }

    public ReferralsApiConfig config() {
        return config;
    }

    @Override
    public PageCursor open(SourceQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.named()) {
            // Read by id: directions and the watermark narrow nothing here, the sync's own filter decides.
            return new NamedReferralCursor(caller, config, listener, query.referrals());
        }
        return new ReferralPageCursor(
                caller,
                guard,
                config.maxPages(),
                listener,
                ODataQuery.firstPage(config.referralsUri(), query, config.pageSize()));
    }

    /** Optional collaborators; the defaults are the production ones. */
    public static final class Builder {
        private final ReferralsApiConfig config;
        private final AccessTokenSource tokens;
        private PartnerCenterListener listener = PartnerCenterListener.NONE;
        private Sleeper sleeper = Sleeper.REAL;
        private RandomGenerator random = RandomGenerator.getDefault();
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;

        private Builder(ReferralsApiConfig config, AccessTokenSource tokens) {
            this.config = Objects.requireNonNull(config, "config");
            this.tokens = Objects.requireNonNull(tokens, "tokens");
        }

        public Builder listener(PartnerCenterListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Replaces the waits between retries, e.g. with a recorder in tests. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** The jitter source. */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /** Used to turn an HTTP-date Retry-After into a wait. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** A preconfigured client (proxy, TLS); redirects must stay disabled. Default: one built from the config. */
        public Builder httpClient(HttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        public PartnerCenterReferralSource build() {
            return new PartnerCenterReferralSource(this);
        }
    }
}
