package io.hunterreferrals.partnercenter;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The optional collaborators every Partner Center client takes (the Referrals source, the write-back, the webhook
 * registry); the defaults are the production ones.
 *
 * @param <C> the client's API config
 * @param <B> the concrete builder, so each setter returns it
 */
public abstract class ApiClientBuilder<C, B extends ApiClientBuilder<C, B>> {

    final C config;
    final AccessTokenSource tokens;
    PartnerCenterListener listener = PartnerCenterListener.NONE;
    Sleeper sleeper = Sleeper.REAL;
    RandomGenerator random = RandomGenerator.getDefault();
    Clock clock = Clock.systemUTC();
    private HttpClient httpClient;

    ApiClientBuilder(C config, AccessTokenSource tokens) {
        this.config = Objects.requireNonNull(config, "config");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    abstract B self();

    /** Told of each retry (a call that is not a list page reports page 0). */
    public B listener(PartnerCenterListener value) {
        this.listener = Objects.requireNonNull(value, "listener");
        return self();
    }

    /** Replaces the waits between retries, e.g. with a recorder in tests. */
    public B sleeper(Sleeper value) {
        this.sleeper = Objects.requireNonNull(value, "sleeper");
        return self();
    }

    /** The jitter source. */
    public B random(RandomGenerator value) {
        this.random = Objects.requireNonNull(value, "random");
        return self();
    }

    /** Used to turn an HTTP-date Retry-After into a wait. */
    public B clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return self();
    }

    /** A preconfigured client (proxy, TLS); redirects must stay disabled. Default: one built from the config. */
    public B httpClient(HttpClient value) {
        this.httpClient = Objects.requireNonNull(value, "httpClient");
        return self();
    }

    /** The given client, or one that never follows a redirect: it would carry the bearer token elsewhere. */
    HttpClient http(Duration connectTimeout) {
        return httpClient != null
                ? httpClient
                : HttpClient.newBuilder()
                        .connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    RetryPolicy retryPolicy(RetrySettings settings) {
        return new RetryPolicy(settings, random);
    }
}
