package io.hunterreferrals.server;

import io.hunterreferrals.app.BuildInfo;
import io.hunterreferrals.app.config.HunterSettings;
import io.hunterreferrals.app.config.PartnerCenterSettings;
import io.hunterreferrals.app.logging.NotificationEventLogger;
import io.hunterreferrals.app.wiring.CurrentSyncRun;
import io.hunterreferrals.app.wiring.NotifyWiring;
import io.hunterreferrals.app.wiring.PartnerCenterEventLogger;
import io.hunterreferrals.app.wiring.PartnerCenterWiring;
import io.hunterreferrals.app.wiring.Storage;
import io.hunterreferrals.app.wiring.SyncWiring;
import io.hunterreferrals.app.wiring.WebhookWiring;
import io.hunterreferrals.core.notify.DeliveryListener;
import io.hunterreferrals.core.sync.ReferralSource;
import io.hunterreferrals.core.sync.ReferralSync;
import io.hunterreferrals.core.sync.RunPolicy;
import io.hunterreferrals.core.sync.SyncListener;
import io.hunterreferrals.core.sync.SyncQueue;
import io.hunterreferrals.http.ApiKeys;
import io.hunterreferrals.http.HttpApi;
import io.hunterreferrals.partnercenter.PartnerCenterAuth;
import io.hunterreferrals.postgres.JooqSyncRunLog;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server process: the database, the sync use case with its listeners, the background scheduler (per role)
 * and the HTTP API, wired from typed settings. {@link #close()} shuts it down gracefully.
 */
public final class HunterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HunterServer.class);
    private static final Duration DATABASE_PING_TIMEOUT = Duration.ofSeconds(2);

    private final Resources resources;
    private final Javalin http;

    private HunterServer(Resources resources, Javalin http) {
        this.resources = resources;
        this.http = http;
    }

    /**
     * @throws ServerStartupException when the settings forbid starting (loopback rule, bad API key) or the database or
     *     the port cannot be opened
     */
    static HunterServer start(ServerSetup setup) {
        HunterSettings settings = setup.settings();
        ApiKeys apiKeys = apiKeys(settings);
        LoopbackRule.check(settings.http().host(), apiKeys.required());
        Clock clock = Clock.systemUTC();
        Resources resources = new Resources();
        try {
            Storage storage = resources.add("database", openStorage(settings));
            // Our own shutdown closes the database last, after the running page's outcome is recorded.
            storage.database().leaveShutdownToCaller();
            ServerMetrics metrics = resources.add("metrics", new ServerMetrics(setup.role(), setup.simulated()));
            Optional<PartnerCenterAuth> auth = auth(settings.partnerCenter(), setup);
            CurrentSyncRun currentRun = new CurrentSyncRun();
            PartnerCenterMetrics partnerCenterMetrics = new PartnerCenterMetrics(metrics.registry());
            ReferralSource source = auth.<ReferralSource>map(a -> PartnerCenterWiring.referralSource(
                            settings.partnerCenter(),
                            a,
                            new PartnerCenterListeners(new PartnerCenterEventLogger(currentRun), partnerCenterMetrics)))
                    .orElseGet(UnconfiguredSource::new);
            RunHeartbeat heartbeat = resources.add(
                    "run-heartbeat",
                    new RunHeartbeat(storage.runLog(), setup.tuning().runHeartbeat(), clock));
            SyncMetrics syncMetrics = new SyncMetrics(metrics.registry());
            StopSignal stop = new StopSignal();
            ServerPush push = ServerPush.wire(setup, storage, auth, new PushMetrics(metrics.registry()), stop, clock);
            List<SyncListener> syncListeners =
                    new ArrayList<>(List.of(currentRun, heartbeat, syncMetrics, partnerCenterMetrics, stop));
            syncListeners.addAll(push.syncListeners());
            ServerWebhooks webhooks = ServerWebhooks.wire(
                    WebhookWiring.reader(settings, setup.demo()), storage, metrics.registry(), clock);
            syncListeners.addAll(webhooks.syncListeners());
            ReferralSync sync = SyncWiring.referralSync(source, storage, settings.filter(), syncListeners);
            boolean enabled = settings.partnerCenter().enabled();
            RunPolicy policy = SyncWiring.runPolicy();
            SyncJob job = new SyncJob(
                    sync,
                    storage.runLog(),
                    storage.runQueries(),
                    policy,
                    () -> enabled,
                    syncMetrics,
                    stop,
                    setup.simulated(),
                    clock);
            AbandonedRuns abandoned = new AbandonedRuns(
                    storage.runLog(),
                    storage.runQueries(),
                    policy,
                    setup.tuning().abandonedAfter(),
                    clock);
            SyncTasks tasks = new SyncTasks(job, abandoned, settings.syncInterval(), setup.tuning());
            BackgroundSync background = resources.add(
                    "scheduler",
                    BackgroundSync.start(
                            storage.database().dataSource(),
                            tasks,
                            push.task(),
                            job,
                            setup.tuning(),
                            setup.role(),
                            node()));
            if (setup.role().runsScheduler()) {
                resources.add(
                        "notifications",
                        NotificationWorker.start(
                                NotifyWiring.worker(
                                        settings.notifications(),
                                        storage.outbox(),
                                        DeliveryListener.all(List.of(
                                                new NotificationEventLogger(),
                                                new NotificationMetrics(metrics.registry()))),
                                        clock),
                                NotificationWorker.PASS_INTERVAL,
                                settings.notifications().retention()));
                webhooks.startWorker(sync).ifPresent(worker -> resources.add("webhook-hints", worker));
            }
            DatabasePing ping = resources.add(
                    "database-ping", new DatabasePing(storage.database().dataSource(), DATABASE_PING_TIMEOUT));
            HttpApi.Builder api = HttpApi.builder()
                    .health(new ServerHealth(ping, auth, BuildInfo.current(), setup.simulated()))
                    .partnerCenterEnabled(() -> enabled)
                    .metrics(metrics::scrape)
                    .requestSync(new SyncQueue(storage.runLog(), background.dispatcher(clock), clock))
                    .syncRuns(storage.runQueries())
                    .quarantine(storage.quarantine())
                    .referrals(storage.referralQueries())
                    .referralLinks(storage.referralLinks())
                    .leads(storage.leadQueries())
                    .companyImport(storage.companyImport())
                    .pushQueries(storage.pushQueries())
                    .outbox(storage.outbox())
                    .apiKeys(apiKeys)
                    .requestObserver(new HttpMetrics(metrics.registry()));
            push.api().ifPresent(api::dynamicsPush);
            webhooks.receive().ifPresent(receive -> api.webhooks(receive, storage.hints()));
            Javalin http = api.build(setup.role().servesApi() ? HttpApi.Role.API : HttpApi.Role.WORKER);
            resources.add("http", http::stop);
            startHttp(http, settings);
            webhooks.registerWithDemo(setup, auth, http.port());
            started(
                    setup,
                    http.port(),
                    storage,
                    enabled,
                    auth.isPresent(),
                    push.api().isPresent(),
                    webhooks.enabled());
            return new HunterServer(resources, http);
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    private static ApiKeys apiKeys(HunterSettings settings) {
        try {
            return settings.http().apiKeys().isEmpty()
                    ? ApiKeys.none()
                    : ApiKeys.of(settings.http().apiKeys());
        } catch (IllegalArgumentException e) {
            throw new ServerStartupException(
                    "HUNTER_API_KEY: " + e.getMessage() + ". Generate one with e.g. `openssl rand -hex 32`.", e);
        }
    }

    private static Storage openStorage(HunterSettings settings) {
        try {
            return Storage.open(settings.database());
        } catch (IllegalStateException e) {
            throw new ServerStartupException(e.getMessage(), e);
        }
    }

    /** Empty when client id or tenant are missing; the server still serves stored data (health says not_configured). */
    private static Optional<PartnerCenterAuth> auth(PartnerCenterSettings settings, ServerSetup setup) {
        return settings.canSignIn()
                ? Optional.of(PartnerCenterWiring.auth(settings, setup.msalTransport()))
                : Optional.empty();
    }

    private static void startHttp(Javalin http, HunterSettings settings) {
        try {
            http.start(settings.http().host(), settings.http().port());
        } catch (RuntimeException e) {
            throw new ServerStartupException(
                    "Cannot listen on " + settings.http().host() + ":"
                            + settings.http().port() + " (" + e.getMessage()
                            + "); is another server running? Set HUNTER_HTTP_HOST / HUNTER_HTTP_PORT.",
                    e);
        }
    }

    /** Names this process in {@code scheduled_tasks.picked_by}: host and pid, plus a suffix for several per JVM. */
    private static String node() {
        return JooqSyncRunLog.currentNode() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void started(
            ServerSetup setup,
            int port,
            Storage storage,
            boolean enabled,
            boolean configured,
            boolean dynamics,
            boolean webhooks) {
        LOG.atInfo()
                .setMessage("hunter_server_started")
                .addKeyValue("role", setup.role().code())
                .addKeyValue("host", setup.settings().http().host())
                .addKeyValue("port", port)
                .addKeyValue("version", BuildInfo.current().version())
                .addKeyValue("commit", BuildInfo.current().commit())
                .addKeyValue("simulated", setup.simulated())
                .addKeyValue("partner_center_enabled", enabled)
                .addKeyValue("partner_center_configured", configured)
                .addKeyValue("dynamics_enabled", dynamics)
                .addKeyValue("webhooks_enabled", webhooks)
                .addKeyValue("sync_interval_s", setup.settings().syncInterval().toSeconds())
                .addKeyValue("database", storage.database().isEmbedded() ? "embedded" : "external")
                .log();
        if (setup.simulated()) {
            String detail = setup.settings()
                    .partnerCenter()
                    .simulatorUrl()
                    .map(url -> "Referrals come from the Partner Center simulator at " + url + " (sample data, "
                            + "HUNTER_PARTNER_CENTER_SIMULATOR_URL), not from Microsoft.")
                    .orElse("Referrals come from an in-process Partner Center simulator (sample data), not from "
                            + "Microsoft; the database is .hunter/demo/postgres.");
            LOG.atWarn()
                    .setMessage("hunter_demo_mode")
                    .addKeyValue("simulated", true)
                    .addKeyValue("detail", detail)
                    .log();
        }
    }

    /** The port the HTTP server listens on (useful with port 0). */
    public int port() {
        return http.port();
    }

    /**
     * Graceful shutdown: stops accepting HTTP requests, stops the scheduler (a running sync finishes its page and
     * records its outcome), then releases the database (pool closed; an embedded server this process started is stopped
     * unless another Hunter process still uses it). Idempotent.
     */
    @Override
    public void close() {
        LOG.atInfo().setMessage("hunter_server_stopping").log();
        resources.close();
        LOG.atInfo().setMessage("hunter_server_stopped").log();
    }
}
