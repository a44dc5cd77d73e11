package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.sync.ReferralSource;
import io.hunterreferrals.core.sync.SourceQuery;
import java.util.Objects;

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
        this.caller = new ApiCaller(
                b.http(config.connectTimeout()),
                config,
                b.tokens,
                b.retryPolicy(config.retry()),
                b.sleeper,
                b.listener,
                b.clock);
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
    public static final class Builder extends ApiClientBuilder<ReferralsApiConfig, Builder> {

        private Builder(ReferralsApiConfig config, AccessTokenSource tokens) {
            super(config, tokens);
        }

        @Override
        Builder self() {
            return this;
        }

        public PartnerCenterReferralSource build() {
            return new PartnerCenterReferralSource(this);
        }
    }
}
