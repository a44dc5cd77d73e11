package io.hunterreferrals.dynamics;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Builds the adapter from a {@link DataverseConfig}. Nothing is called until first use: a wrong secret or a missing
 * certificate file shows in {@code hunter dynamics check} or the first push, with what to fix, and never stops the app
 * from starting.
 */
public final class DataverseClientFactory {

    /** The seams tests replace: waiting, jitter, time, and how often the key's status is polled. */
    record Tuning(Sleeper sleeper, RandomGenerator random, Clock clock, Duration keyPollInterval) {

        /** Jitter from the calling thread's generator, so one destination may serve several threads. */
        static final Tuning REAL = new Tuning(
                Sleeper.REAL, () -> ThreadLocalRandom.current().nextLong(), Clock.systemUTC(), Duration.ofSeconds(5));
    }

    private DataverseClientFactory() {}

    public static DataverseClients create(DataverseConfig config) {
        return create(config, Tuning.REAL);
    }

    static DataverseClients create(DataverseConfig config, Tuning tuning) {
        LeadColumns columns = new LeadColumns(config.columnPrefix());
        HttpClient http = HttpClient.newBuilder()
                // HTTP/2 comes by ALPN on https; on the plain-http loopback route the JDK would try an h2c upgrade.
                .version(config.loopbackRoute().isPresent() ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .connectTimeout(
                        config.requestTimeout().compareTo(Duration.ofSeconds(10)) < 0
                                ? config.requestTimeout()
                                : Duration.ofSeconds(10))
                // The token goes with every request: never to wherever a redirect points.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        WebApi api = new WebApi(
                config,
                new MsalTokens(config),
                http,
                new WebApiFailures(config, columns),
                tuning.sleeper(),
                tuning.random(),
                tuning.clock());
        LeadBatch batch = new LeadBatch(
                api, new ItemOutcomes(api.failures()), config, tuning.sleeper(), tuning.random(), tuning.clock());
        DataverseLeadDestination destination =
                new DataverseLeadDestination(config, columns, new CurrencyIds(api), batch);
        SetupInspector inspector = new SetupInspector(api, columns);
        DataverseSetup setup = new DataverseSetup(
                api,
                columns,
                inspector,
                new KeyIndexWatcher(inspector, tuning.sleeper(), tuning.clock(), tuning.keyPollInterval()),
                new DuplicateKeys(api, columns));
        return new DataverseClients(destination, setup);
    }
}
