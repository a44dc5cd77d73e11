package io.hunterreferrals.http;

import io.hunterreferrals.core.push.PushQueries;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.webhook.HintQueue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Liveness, readiness, the summary health document and the Prometheus scrape; all open, on every role. */
final class HealthRoutes {

    static final String HEALTH = "/healthz";
    static final String LIVE = "/healthz/live";
    static final String READY = "/healthz/ready";
    static final String METRICS = "/metrics";
    static final String CONNECTED = "connected";
    static final String DISCONNECTED = "disconnected";

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final HealthProbe probe;
    private final BooleanSupplier partnerCenterEnabled;
    private final Optional<SyncRunQueries> runs;
    private final boolean dynamicsEnabled;
    private final Optional<PushQueries> pushes;
    private final Supplier<String> metrics;
    private final Optional<HintQueue> hints;

    HealthRoutes(
            HealthProbe probe,
            BooleanSupplier partnerCenterEnabled,
            Optional<SyncRunQueries> runs,
            boolean dynamicsEnabled,
            Optional<PushQueries> pushes,
            Supplier<String> metrics,
            Optional<HintQueue> hints) {
        this.probe = probe;
        this.partnerCenterEnabled = partnerCenterEnabled;
        this.runs = runs;
        this.dynamicsEnabled = dynamicsEnabled;
        this.pushes = pushes;
        this.metrics = metrics;
        this.hints = hints;
    }

    void register(RoutesConfig routes) {
        routes.get(HEALTH, this::health);
        routes.get(LIVE, ctx -> ctx.json(Map.of("status", "alive")));
        routes.get(READY, this::ready);
        routes.get(METRICS, this::metrics);
    }

    private void health(Context ctx) {
        boolean databaseUp = databaseUp();
        HealthJson.LastSync lastSync = databaseUp ? lastSync() : null;
        HealthJson.LastPush lastPush = databaseUp ? lastPush() : null;
        HealthJson.Webhooks webhooks = databaseUp ? webhooks() : null;
        ctx.json(new HealthJson(
                databaseUp ? "ok" : "degraded",
                databaseUp ? CONNECTED : DISCONNECTED,
                partnerCenterEnabled.getAsBoolean(),
                probe.partnerCenterAuth().code(),
                lastSync,
                dynamicsEnabled,
                lastPush,
                webhooks,
                probe.version(),
                probe.commit(),
                probe.simulated()));
    }

    private void ready(Context ctx) {
        boolean up = databaseUp();
        ctx.status(up ? 200 : 503)
                .json(Map.of("status", up ? "ready" : "not_ready", "database", up ? CONNECTED : DISCONNECTED));
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get());
    }

    private boolean databaseUp() {
        try {
            return probe.databaseUp();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("health_database_probe_failed");
            return false;
        }
    }

    /** Health must answer even when the run log cannot be read, so a failure shows as no last sync. */
    private HealthJson.LastSync lastSync() {
        try {
            return runs.flatMap(SyncRunQueries::lastFinished)
                    .map(HealthJson.LastSync::of)
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("health_last_sync_unreadable");
            return null;
        }
    }

    /** Like the last sync: an unreadable run log shows as no last push. */
    private HealthJson.LastPush lastPush() {
        try {
            return pushes.flatMap(p -> p.recentRuns(1).stream().findFirst())
                    .map(HealthJson.LastPush::of)
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("health_last_push_unreadable");
            return null;
        }
    }

    /** Like the last sync: an unreadable queue shows as no webhook activity. */
    private HealthJson.Webhooks webhooks() {
        try {
            return hints.map(q -> HealthJson.Webhooks.of(q.activity())).orElse(null);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("health_webhooks_unreadable");
            return null;
        }
    }
}
