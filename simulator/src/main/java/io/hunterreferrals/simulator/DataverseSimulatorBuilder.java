package io.hunterreferrals.simulator;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of a {@link DataverseSimulator}; every one has a default that suits embedded tests. A top-level class only
 * to keep the simulator's own file short; get one from {@link DataverseSimulator#builder()}.
 */
public final class DataverseSimulatorBuilder {

    /** How the lead table looks at start (and after {@link DataverseSimulator#reset()}). */
    public enum Setup {
        /** No custom columns, no key: the push must create them through the metadata API. */
        EMPTY,
        /** The referral-id column (and any {@link #customColumn}) exist; the alternate key does not. */
        COLUMNS,
        /** Columns plus an Active alternate key on the referral-id column: upserts work at once. The default. */
        READY
    }

    String host = "127.0.0.1";
    int port;
    long seed = 42;
    Clock clock = Clock.systemUTC();
    String tenantId = "7c1d3b2a-9e8f-4a6b-8c5d-2e1f0a9b8c7d";
    String clientId = "3b5e7d9f-1a2c-4e6b-8d0f-a1b2c3d4e5f6";
    String clientSecret = "simDVsecret~hunter-simulator-only";
    X509Certificate certificate;
    String orgUrl = "https://hunter-sim.crm4.dynamics.com";
    String columnPrefix = "hnt";
    Setup setup = Setup.READY;
    final List<DataverseColumn> extraColumns = new ArrayList<>();
    Duration accessTokenLifetime = Duration.ofSeconds(3599);
    int keyIndexPolls = 3;
    Duration keyIndexDuration;
    String baseCurrency = "USD";
    int journalCapacity = 10_000;

    DataverseSimulatorBuilder() {}

    /** 0 (the default) picks a free port. */
    public DataverseSimulatorBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** Address to bind and to put in the base URL; default 127.0.0.1. */
    public DataverseSimulatorBuilder host(String host) {
        this.host = Objects.requireNonNull(host);
        return this;
    }

    /** Same seed, same GUIDs (leads, currencies, metadata, WhoAmI). Default 42. */
    public DataverseSimulatorBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Drives token expiry, createdon/modifiedon and time-based key index jobs. Default system UTC. */
    public DataverseSimulatorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    public DataverseSimulatorBuilder tenantId(String tenantId) {
        this.tenantId = Objects.requireNonNull(tenantId);
        return this;
    }

    /** The only client id the token endpoint accepts. */
    public DataverseSimulatorBuilder clientId(String clientId) {
        this.clientId = Objects.requireNonNull(clientId);
        return this;
    }

    /** The only client secret the token endpoint accepts. */
    public DataverseSimulatorBuilder clientSecret(String secret) {
        this.clientSecret = Objects.requireNonNull(secret);
        return this;
    }

    /**
     * The certificate registered for the app: client assertions must then carry a valid RS256 or PS256 signature by its
     * key. Without one, any well-formed assertion from the client id is accepted, signature unchecked.
     */
    public DataverseSimulatorBuilder clientCertificate(X509Certificate certificate) {
        this.certificate = Objects.requireNonNull(certificate);
        return this;
    }

    /** The environment URL tokens are asked for (scope {@code <url>/.default}); no trailing slash. */
    public DataverseSimulatorBuilder orgUrl(String url) {
        this.orgUrl = Objects.requireNonNull(url).replaceAll("/+$", "");
        return this;
    }

    /**
     * The publisher's customization prefix, default {@code hnt}: 2–8 letters or digits, starting with a letter, not
     * {@code mscrm} (third-party rule, UNCONFIRMED by Microsoft, dataverse.md §3).
     */
    public DataverseSimulatorBuilder columnPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        if (!p.matches("[a-z][a-z0-9]{1,7}") || p.startsWith("mscrm")) {
            throw new IllegalArgumentException("a prefix is 2-8 letters or digits, starting with a letter, not mscrm");
        }
        this.columnPrefix = p;
        return this;
    }

    public DataverseSimulatorBuilder setup(Setup setup) {
        this.setup = Objects.requireNonNull(setup);
        return this;
    }

    /** One more custom column to pre-create with {@link Setup#COLUMNS} or {@link Setup#READY}. */
    public DataverseSimulatorBuilder customColumn(DataverseColumn column) {
        if (!column.custom() || !column.logicalName().startsWith(columnPrefix + "_")) {
            throw new IllegalArgumentException(
                    "a custom column must carry the prefix " + columnPrefix + "_ (set columnPrefix first)");
        }
        this.extraColumns.add(column);
        return this;
    }

    /** expires_in of issued tokens; default 3599 s, as Entra sends. */
    public DataverseSimulatorBuilder accessTokenLifetime(Duration lifetime) {
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("lifetime must be at least 1 s");
        }
        this.accessTokenLifetime = lifetime;
        return this;
    }

    /**
     * A new key's index job ends on the Nth read of the Keys collection (1st read Pending, then InProgress). Default 3;
     * 0 makes a new key Active (or Failed) at once.
     */
    public DataverseSimulatorBuilder keyIndexPolls(int polls) {
        if (polls < 0) {
            throw new IllegalArgumentException("polls must be >= 0");
        }
        this.keyIndexPolls = polls;
        this.keyIndexDuration = null;
        return this;
    }

    /** Instead of polls: a job takes this long on the clock (InProgress from half-way). */
    public DataverseSimulatorBuilder keyIndexDuration(Duration duration) {
        this.keyIndexDuration = Objects.requireNonNull(duration);
        return this;
    }

    /** The org's base currency (exchange rate 1): USD (default), EUR, TRY or GBP. */
    public DataverseSimulatorBuilder baseCurrency(String isoCode) {
        this.baseCurrency = Objects.requireNonNull(isoCode).toUpperCase(Locale.ROOT);
        return this;
    }

    /** The journal keeps this many most recent requests. Default 10,000. */
    public DataverseSimulatorBuilder journalCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.journalCapacity = capacity;
        return this;
    }

    public DataverseSimulator build() {
        return new DataverseSimulator(this);
    }
}
