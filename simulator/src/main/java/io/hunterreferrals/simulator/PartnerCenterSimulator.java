package io.hunterreferrals.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Entra ID (device-code flow) plus Partner Center Referrals API on one loopback port.
 *
 * <pre>{@code
 * try (PartnerCenterSimulator sim = PartnerCenterSimulator.builder().port(0).seed(42).referrals(250).build().start()) {
 *     String api = sim.baseUrl();                        // http://127.0.0.1:PORT
 *     String token = sim.identity().issueAccessToken(); // or the device-code flow at sim.baseUrl() + "/{tenant}/"
 *     sim.faults().inject(Fault.tooManyRequests(1));
 *     ... sim.journal().referralRequests() ...
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code POST /{tenant}/oauth2/v2.0/devicecode}, {@code POST /{tenant}/oauth2/v2.0/token}, {@code GET
 * /v1.0/engagements/referrals[/{id}]}, {@code PATCH /v1.0/engagements/referrals/{id}} (JSON Patch of
 * {@code /externalReferenceId}, see {@link #patchMode(PatchMode)}), the verification page {@code /devicelogin} and the
 * admin levers under {@code /_simulator/}. The webhook side ({@link #webhooks()}): the registration API under
 * {@code /webhooks/v1/registration} (tokens for {@link #WEBHOOK_SCOPE} only), signed events to the registered URL
 * whenever a referral changes, and the signing certificate under {@code /cert/}. MSAL insists on an https authority, so
 * MSAL-based clients reach this plain-HTTP server through a rewriting IHttpClient (partner-center-api.md §6.6 option
 * A). Thread-safe.
 */
public final class PartnerCenterSimulator implements AutoCloseable {

    /** The scope a Partner Center client requests; token responses echo it verbatim. */
    public static final String PARTNER_CENTER_SCOPE = "https://api.partner.microsoft.com/.default";

    /**
     * The webhook registration API's scope: the classic host, another audience than {@link #PARTNER_CENTER_SCOPE}. MSAL
     * gets it silently with the account's refresh token.
     */
    public static final String WEBHOOK_SCOPE = "https://api.partnercenter.microsoft.com/.default";

    public static final String REFERRALS_PATH = "/v1.0/engagements/referrals";

    private static final Logger LOG = LoggerFactory.getLogger(PartnerCenterSimulator.class);

    private final Builder config;
    private final Clock clock;
    private final SimulatedIdentity identity;
    private final SimulatedReferrals referrals;
    private final SimulatedFaults faults = new SimulatedFaults();
    private final RequestJournal journal;
    private final SimulatedWebhooks webhooks;
    private final PartnerCenterRoutes routes;
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile ForeignHost foreign;
    private volatile String baseUrl;
    private volatile PatchMode patchMode = PatchMode.ACCEPT;

    private PartnerCenterSimulator(Builder b) {
        this.config = b;
        this.clock = b.clock;
        this.identity = new SimulatedIdentity(
                new IdentitySettings(
                        b.tenantId,
                        b.userObjectId,
                        b.username,
                        b.displayName,
                        b.accessTokenLifetime,
                        b.deviceCodeLifetime,
                        b.pollIntervalSeconds,
                        b.autoApproveAfterPolls),
                clock);
        this.referrals = new SimulatedReferrals(
                clock, new ReferralGenerator(b.seed, b.dataAnchor, b.partnerOrganizationId), b.referrals, b.seed);
        this.journal = new RequestJournal(b.journalCapacity);
        this.webhooks = new SimulatedWebhooks(
                b.tenantId, clock, referrals, b.webhookSettings, b.journalCapacity, this::webhookCertificateUrl);
        referrals.listener(webhooks::referralChanged);
        this.routes = new PartnerCenterRoutes(this, clock, b.pageLatency);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns this for chaining. */
    public synchronized PartnerCenterSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            InetAddress host = InetAddress.getByName(config.host);
            HttpServer s = HttpServer.create(new InetSocketAddress(host, config.port), 0);
            // Virtual threads: a delay fault parks one request without starving the others.
            executor = Executors.newVirtualThreadPerTaskExecutor();
            s.setExecutor(executor);
            s.createContext("/", new HttpFront("simulator", clock, journal, routes::route));
            foreign = new ForeignHost(clock, config.journalCapacity);
            s.start();
            baseUrl = "http://" + hostForUrl(config.host) + ":" + s.getAddress().getPort();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + config.host + ":" + config.port, e);
        }
        LOG.atInfo()
                .addKeyValue("url", baseUrl)
                .addKeyValue("referrals", referrals.size())
                .log("simulator_started");
        return this;
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return url;
    }

    public URI baseUri() {
        return URI.create(baseUrl());
    }

    public int port() {
        return baseUri().getPort();
    }

    /** Base URL plus the tenant segment and a trailing slash, the way MSAL spells an authority (over plain HTTP). */
    public String authority() {
        return baseUrl() + "/" + identity.tenantId() + "/";
    }

    public SimulatedIdentity identity() {
        return identity;
    }

    public SimulatedReferrals referrals() {
        return referrals;
    }

    public SimulatedFaults faults() {
        return faults;
    }

    /** How a PATCH of {@code /externalReferenceId} is answered; {@link PatchMode#ACCEPT} until changed. */
    public PatchMode patchMode() {
        return patchMode;
    }

    /** Whether Partner Center takes a write-back is UNCONFIRMED: this plays each answer. */
    public void patchMode(PatchMode mode) {
        this.patchMode = Objects.requireNonNull(mode, "mode");
    }

    public RequestJournal journal() {
        return journal;
    }

    /** The webhook registration, the events sent and the delivery levers. */
    public SimulatedWebhooks webhooks() {
        return webhooks;
    }

    /** The test root the signing certificate chains to: what a receiver is told to trust in tests. */
    public X509Certificate webhookRootCertificate() {
        return WebhookCertificates.shared().root();
    }

    /** Where the signing certificate is served (DER), as sent in {@code X-MS-Certificate-Url}. */
    public URI webhookCertificateUrl() {
        return URI.create(baseUrl() + CertificateEndpoint.LEAF_PATH);
    }

    /** The host the foreign-nextLink fault points at, with its own journal. Available once started. */
    public ForeignHost foreignHost() {
        ForeignHost f = foreign;
        if (f == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return f;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            foreign.close();
            webhooks.close();
            server = null;
            LOG.atInfo().addKeyValue("url", baseUrl).log("simulator_stopped");
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Settings; every one has a default that suits embedded tests. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private long seed = 42;
        private int referrals = 250;
        private Clock clock = Clock.systemUTC();
        private Instant dataAnchor = Instant.parse("2025-06-30T00:00:00Z");
        private String tenantId = "4f1e2d3c-5b6a-4789-9abc-def012345678";
        private String userObjectId = "0c0ffee0-1234-4abc-8def-000000000001";
        private String username = Canary.OPERATOR_EMAIL;
        private String displayName = Canary.OPERATOR_NAME;
        private String partnerOrganizationId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
        private Duration accessTokenLifetime = Duration.ofHours(1);
        private Duration deviceCodeLifetime = Duration.ofMinutes(15);
        private int pollIntervalSeconds = 1;
        private int autoApproveAfterPolls;
        private int journalCapacity = 10_000;
        private Duration pageLatency = Duration.ZERO;
        private WebhookSettings webhookSettings = WebhookSettings.defaults();

        private Builder() {}

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Address to bind and to put in {@link #baseUrl()}; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Same seed, same referrals (ids, names, timestamps). Default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How many referrals to generate at start. Default 250; 20 or more cover every case. */
        public Builder referrals(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0");
            }
            this.referrals = count;
            return this;
        }

        /** Drives token expiry, device-code expiry and updatedDateTime bumps. Default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Generated referrals are dated within the year before this instant. Default 2025-06-30T00:00:00Z. */
        public Builder dataAnchor(Instant anchor) {
            this.dataAnchor = Objects.requireNonNull(anchor);
            return this;
        }

        /** The id_token's tid and client_info's utid. */
        public Builder tenantId(String tenantId) {
            this.tenantId = Objects.requireNonNull(tenantId);
            return this;
        }

        public Builder userObjectId(String oid) {
            this.userObjectId = Objects.requireNonNull(oid);
            return this;
        }

        /** The signed-in user's preferred_username; default {@link Canary#OPERATOR_EMAIL}. */
        public Builder username(String username) {
            this.username = Objects.requireNonNull(username);
            return this;
        }

        public Builder displayName(String name) {
            this.displayName = Objects.requireNonNull(name);
            return this;
        }

        /** Our own partner organisation id (referral organizationId; invitedBy for own pipeline deals). */
        public Builder partnerOrganizationId(String id) {
            this.partnerOrganizationId = Objects.requireNonNull(id);
            return this;
        }

        /** expires_in of issued access tokens; default 1 h. Under 300 s makes MSAL refresh on every silent call. */
        public Builder accessTokenLifetime(Duration lifetime) {
            if (lifetime.toSeconds() < 1) {
                throw new IllegalArgumentException("lifetime must be at least 1 s");
            }
            this.accessTokenLifetime = lifetime;
            return this;
        }

        public Builder deviceCodeLifetime(Duration lifetime) {
            this.deviceCodeLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        /** The device-code interval MSAL sleeps between polls; default 1, 0 for fast tests. */
        public Builder pollIntervalSeconds(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("interval must be >= 0");
            }
            this.pollIntervalSeconds = seconds;
            return this;
        }

        /** Approve every device code on its Nth poll (for the demo); 0, the default, waits for explicit approval. */
        public Builder autoApproveAfterPolls(int polls) {
            if (polls < 0) {
                throw new IllegalArgumentException("polls must be >= 0");
            }
            this.autoApproveAfterPolls = polls;
            return this;
        }

        /** The journal keeps this many most recent requests. Default 10,000. */
        public Builder journalCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be >= 1");
            }
            this.journalCapacity = capacity;
            return this;
        }

        /**
         * A fixed delay before every Referrals API list page (not get-by-id, not the token endpoint), so a benchmark
         * can model the real API's page latency. Default zero.
         */
        public Builder pageLatency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must be >= 0");
            }
            this.pageLatency = latency;
            return this;
        }

        /** Attempts, back-off, timeout and the validationEvents throttle; {@link WebhookSettings#defaults()}. */
        public Builder webhookSettings(WebhookSettings settings) {
            this.webhookSettings = Objects.requireNonNull(settings);
            return this;
        }

        /** Shorthand for tests: the wait after a failed delivery attempt, doubling up to {@code max}. */
        public Builder webhookRetryBackoff(Duration initial, Duration max) {
            this.webhookSettings = webhookSettings.backoff(initial, max);
            return this;
        }

        public PartnerCenterSimulator build() {
            return new PartnerCenterSimulator(this);
        }
    }
}
