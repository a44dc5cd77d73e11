package io.hunterreferrals.dynamics;

import io.hunterreferrals.simulator.DataverseColumn;
import io.hunterreferrals.simulator.DataverseSimulator;
import io.hunterreferrals.simulator.DataverseSimulatorBuilder;
import io.hunterreferrals.simulator.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A Dataverse simulator and the adapter wired to it as production wires it: the real MSAL4J through the loopback route,
 * the real HTTP client. Each instance has its own client id and authority host, because MSAL keeps some caches
 * JVM-wide. Waits are recorded and move a test clock instead of sleeping.
 */
final class SimulatedDataverse implements AutoCloseable {

    final DataverseSimulator sim;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final String authorityHost;

    private SimulatedDataverse(DataverseSimulator sim, String authorityHost) {
        this.sim = sim;
        this.authorityHost = authorityHost;
    }

    /** A simulator as {@code customise} sets it up (EMPTY, COLUMNS, READY, a certificate, ...). */
    static SimulatedDataverse start(UnaryOperator<DataverseSimulatorBuilder> customise) {
        String unique = UUID.randomUUID().toString();
        DataverseSimulatorBuilder builder = DataverseSimulator.builder().clientId("dv-" + unique);
        DataverseSimulator sim = customise.apply(builder).build().start();
        return new SimulatedDataverse(sim, "login-" + unique.substring(0, 8) + ".simulator.test");
    }

    /** READY, and every custom column of the adapter there too (the simulator pre-creates only the key's). */
    static SimulatedDataverse ready() {
        return start(SimulatedDataverse::withAllColumns);
    }

    static DataverseSimulatorBuilder withAllColumns(DataverseSimulatorBuilder b) {
        for (LeadColumns.Custom c : new LeadColumns("hnt").custom()) {
            if (c.logicalName().equals("hnt_partnercenterreferralid")) {
                continue;
            }
            b.customColumn(
                    c.kind() == LeadColumns.Kind.STRING
                            ? DataverseColumn.customString(c.logicalName(), c.maxLength())
                            : DataverseColumn.customBoolean(c.logicalName()));
        }
        return b.setup(DataverseSimulatorBuilder.Setup.READY);
    }

    /** A secret credential, fast backoff, three attempts: what most tests need. */
    DataverseConfig config() {
        return config(new DataverseCredential.ClientSecret(sim.clientSecret()));
    }

    DataverseConfig config(DataverseCredential credential) {
        return DataverseConfig.of(URI.create(sim.orgUrl()), sim.tenantId(), sim.clientId(), credential)
                .withAuthority(URI.create("https://" + authorityHost + "/" + sim.tenantId() + "/"))
                .withLoopbackRoute(sim.baseUri())
                .withRequestTimeout(Duration.ofSeconds(10))
                .withRetry(DataverseRetrySettings.DEFAULTS
                        .withMaxAttempts(3)
                        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)));
    }

    DataverseClients clients() {
        return clients(config());
    }

    DataverseClients clients(DataverseConfig config) {
        return DataverseClientFactory.create(
                config,
                new DataverseClientFactory.Tuning(sleeper, new SplittableRandom(7), clock, Duration.ofSeconds(5)));
    }

    @Override
    public void close() {
        sim.close();
    }

    /** Records each wait and moves the clock by it, so elapsed times look as they would for real. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        private final MutableClock clock;

        RecordingSleeper(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
            clock.advance(duration);
        }
    }
}
