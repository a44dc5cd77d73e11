package io.hunterreferrals.http;

import io.hunterreferrals.core.leadimport.CompanyImport;
import io.hunterreferrals.core.link.ReferralLinks;
import io.hunterreferrals.core.notify.Outbox;
import io.hunterreferrals.core.push.PushQueries;
import io.hunterreferrals.core.query.LeadQueries;
import io.hunterreferrals.core.query.QuarantineQueries;
import io.hunterreferrals.core.query.ReferralQueries;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.sync.RequestSync;
import io.hunterreferrals.core.webhook.HintQueue;
import io.hunterreferrals.core.webhook.ReceiveWebhook;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Builds the HTTP API as a configured, unstarted {@link Javalin}: the app chooses host and port ({@code app.start(host,
 * port)}) and stops it on shutdown.
 *
 * <pre>{@code
 * Javalin app = HttpApi.builder()
 *         .health(probe).partnerCenterEnabled(() -> settings.enabled()).metrics(registry::scrape)
 *         .requestSync(syncQueue).syncRuns(runQueries).referrals(referralQueries).referralLinks(links)
 *         .leads(leadQueries).companyImport(companyImport).outbox(outbox)
 *         .apiKeys(ApiKeys.fromSetting(env.get("HUNTER_API_KEY")))
 *         .build(HttpApi.Role.API);
 * }</pre>
 */
public final class HttpApi {

    /** What an instance serves. */
    public enum Role {
        /**
         * Everything: the API, the web UI, health, metrics, the OpenAPI document and the docs (roles {@code all} and
         * {@code api}).
         */
        API,
        /** Only health and metrics (role {@code worker}, which runs syncs and serves no API). */
        WORKER
    }

    /** JSON bodies are small (a domain, a name, notes); a larger one is a mistake or an attack. */
    public static final long DEFAULT_MAX_JSON_BYTES = 1024 * 1024;
    /** A CSV of about 200,000 companies. */
    public static final long DEFAULT_MAX_IMPORT_BYTES = 20L * 1024 * 1024;
    /** How often the sync event stream reads the status: a running sync's progress moves about this often. */
    public static final Duration DEFAULT_SYNC_EVENTS_INTERVAL = Duration.ofSeconds(1);

    private static final Duration SYNC_EVENTS_KEEP_ALIVE = Duration.ofSeconds(15);

    private HttpApi() {}

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the ports; {@link #build(Role)} checks that the role has what it needs. */
    public static final class Builder {

        private HealthProbe health;
        private BooleanSupplier partnerCenterEnabled;
        private Supplier<String> metrics;
        private RequestSync requestSync;
        private SyncRunQueries syncRuns;
        private QuarantineQueries quarantine;
        private ReferralQueries referrals;
        private ReferralLinks referralLinks;
        private LeadQueries leads;
        private CompanyImport companyImport;
        private PushQueries pushQueries;
        private DynamicsPush dynamicsPush;
        private Outbox outbox;
        private ReceiveWebhook webhooks;
        private HintQueue hints;
        private ApiKeys apiKeys = ApiKeys.none();
        private HttpRequestObserver observer = HttpRequestObserver.NONE;
        private long maxJsonBytes = DEFAULT_MAX_JSON_BYTES;
        private long maxImportBytes = DEFAULT_MAX_IMPORT_BYTES;
        private Duration syncEventsInterval = DEFAULT_SYNC_EVENTS_INTERVAL;

        private Builder() {}

        /** Database, sign-in, version and demo state for {@code /healthz}. Required. */
        public Builder health(HealthProbe health) {
            this.health = health;
            return this;
        }

        /**
         * {@code HUNTER_PARTNER_CENTER_ENABLED}; read on every request, so the app may change it at run time. Required.
         */
        public Builder partnerCenterEnabled(BooleanSupplier partnerCenterEnabled) {
            this.partnerCenterEnabled = partnerCenterEnabled;
            return this;
        }

        /** The Prometheus text exposition served at {@code /metrics}. Required. */
        public Builder metrics(Supplier<String> metrics) {
            this.metrics = metrics;
            return this;
        }

        public Builder requestSync(RequestSync requestSync) {
            this.requestSync = requestSync;
            return this;
        }

        /** Sync run history; also feeds {@code last_sync} in {@code /healthz} (on a worker too, when given). */
        public Builder syncRuns(SyncRunQueries syncRuns) {
            this.syncRuns = syncRuns;
            return this;
        }

        /** The referrals the sync quarantined ({@code GET .../sync/failures}). */
        public Builder quarantine(QuarantineQueries quarantine) {
            this.quarantine = quarantine;
            return this;
        }

        public Builder referrals(ReferralQueries referrals) {
            this.referrals = referrals;
            return this;
        }

        public Builder referralLinks(ReferralLinks referralLinks) {
            this.referralLinks = referralLinks;
            return this;
        }

        public Builder leads(LeadQueries leads) {
            this.leads = leads;
            return this;
        }

        public Builder companyImport(CompanyImport companyImport) {
            this.companyImport = companyImport;
            return this;
        }

        /** What the push to Dynamics 365 has done (runs, each referral's state); also feeds {@code /healthz}. */
        public Builder pushQueries(PushQueries pushQueries) {
            this.pushQueries = pushQueries;
            return this;
        }

        /** Turns the push on in the API (and {@code dynamics_enabled} in {@code /healthz}); off when never given. */
        public Builder dynamicsPush(DynamicsPush dynamicsPush) {
            this.dynamicsPush = Objects.requireNonNull(dynamicsPush, "dynamicsPush");
            return this;
        }

        /**
         * The notification outbox: {@code /api/v1/events} and each referral's {@code notifications}. Without it the
         * event routes answer 503 {@code notifications_unavailable} and {@code notifications} is {@code null}.
         */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        /**
         * Turns on {@code POST /api/v1/partner-center/webhooks} (open to Partner Center's signed calls) and the
         * {@code webhooks} part of {@code /healthz}; without it the endpoint answers 503 {@code webhooks_disabled}.
         */
        public Builder webhooks(ReceiveWebhook receive, HintQueue hints) {
            this.webhooks = Objects.requireNonNull(receive, "receive");
            this.hints = Objects.requireNonNull(hints, "hints");
            return this;
        }

        /** The keys required on {@code /api/**}; {@link ApiKeys#none()} (the default) leaves it open. */
        public Builder apiKeys(ApiKeys apiKeys) {
            this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
            return this;
        }

        /** Sees every finished request (HTTP timings for Micrometer). */
        public Builder requestObserver(HttpRequestObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** Largest JSON body accepted (413 beyond). */
        public Builder maxJsonBytes(long maxJsonBytes) {
            this.maxJsonBytes = positive(maxJsonBytes);
            return this;
        }

        /** Largest CSV import accepted (413 beyond). */
        public Builder maxImportBytes(long maxImportBytes) {
            this.maxImportBytes = positive(maxImportBytes);
            return this;
        }

        /** How often {@code GET .../sync/events} reads the sync status (tests use a short one). */
        public Builder syncEventsInterval(Duration interval) {
            if (interval.isZero() || interval.isNegative() || interval.compareTo(SYNC_EVENTS_KEEP_ALIVE) > 0) {
                throw new IllegalArgumentException("The sync events interval must be between 1 ms and 15 s");
            }
            this.syncEventsInterval = interval;
            return this;
        }

        /** @throws IllegalStateException when a port the role needs is missing */
        public Javalin build(Role role) {
            Objects.requireNonNull(role, "role");
            require(health, "health");
            require(partnerCenterEnabled, "partnerCenterEnabled");
            require(metrics, "metrics");
            if (role == Role.API) {
                require(requestSync, "requestSync");
                require(syncRuns, "syncRuns");
                require(quarantine, "quarantine");
                require(referrals, "referrals");
                require(referralLinks, "referralLinks");
                require(leads, "leads");
                require(companyImport, "companyImport");
                require(pushQueries, "pushQueries");
            }
            return Javalin.create(config -> configure(config, role));
        }

        private void configure(JavalinConfig config, Role role) {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.maxRequestSize = maxJsonBytes;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
            config.jetty.multipartConfig.maxFileSize(maxImportBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxImportBytes + 64 * 1024, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.requestLogger.http(new AccessLog(observer)::finished);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrorJson()));

            var routes = config.routes;
            ApiKeyFilter apiKeyFilter = new ApiKeyFilter(apiKeys);
            // Order matters: the id and headers first, so even a refused request carries them.
            routes.before(RequestIds::assign);
            routes.before(SecurityHeaders::apply);
            routes.before(PathEncoding::requireWellFormed);
            routes.before(apiKeyFilter::check);
            ErrorResponses.register(routes);

            new HealthRoutes(
                            health,
                            partnerCenterEnabled,
                            Optional.ofNullable(syncRuns),
                            dynamicsPush != null,
                            Optional.ofNullable(pushQueries),
                            metrics,
                            Optional.ofNullable(hints))
                    .register(routes);
            if (role == Role.API) {
                new DocsRoutes().register(routes);
                new MiniUiRoutes().register(routes);
                new SyncEvents(syncRuns, partnerCenterEnabled, syncEventsInterval, SYNC_EVENTS_KEEP_ALIVE)
                        .register(config);
                new SyncRoutes(requestSync, syncRuns, quarantine, partnerCenterEnabled).register(routes);
                new WebhookRoutes(Optional.ofNullable(webhooks)).register(routes);
                DynamicsRoutes dynamics = new DynamicsRoutes(pushQueries, Optional.ofNullable(dynamicsPush), referrals);
                // registered before the referral routes, like every path under /referrals/{id}/
                dynamics.register(routes);
                EventRoutes events = new EventRoutes(Optional.ofNullable(outbox), Clock.systemUTC());
                events.register(routes);
                new ReferralRoutes(referrals, referralLinks, dynamics::referral, events::referral).register(routes);
                new LeadRoutes(leads, companyImport, maxImportBytes).register(routes);
            }
        }

        private static void require(Object port, String name) {
            if (port == null) {
                throw new IllegalStateException("HttpApi needs " + name + " for this role");
            }
        }

        private static long positive(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("A size limit must be positive");
            }
            return bytes;
        }
    }
}
