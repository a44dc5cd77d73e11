package io.hunterreferrals.http;

import io.hunterreferrals.core.query.QuarantineQueries;
import io.hunterreferrals.core.query.SyncRunQueries;
import io.hunterreferrals.core.sync.EnqueueOutcome;
import io.hunterreferrals.core.sync.RequestSync;
import io.hunterreferrals.core.sync.SyncMode;
import io.hunterreferrals.core.sync.SyncTrigger;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Triggering a sync and following its runs. */
final class SyncRoutes {

    static final String TRIGGER = "/api/v1/partner-center/referrals/sync";
    /** The path the runbooks' {@code curl} still uses (the predecessor's, before it moved under /v1). */
    static final String TRIGGER_ALIAS = "/api/referrals/sync";

    static final String STATUS = "/api/v1/partner-center/sync/status";
    static final String RUNS = "/api/v1/partner-center/sync/runs";
    static final String RUN = "/api/v1/partner-center/sync/runs/{task_id}";
    static final String FAILURES = "/api/v1/partner-center/sync/failures";

    private static final Logger LOG = LoggerFactory.getLogger(SyncRoutes.class);

    private final RequestSync requestSync;
    private final SyncRunQueries runs;
    private final QuarantineQueries quarantine;
    private final BooleanSupplier partnerCenterEnabled;

    SyncRoutes(
            RequestSync requestSync,
            SyncRunQueries runs,
            QuarantineQueries quarantine,
            BooleanSupplier partnerCenterEnabled) {
        this.requestSync = requestSync;
        this.runs = runs;
        this.quarantine = quarantine;
        this.partnerCenterEnabled = partnerCenterEnabled;
    }

    void register(RoutesConfig routes) {
        routes.post(TRIGGER, this::trigger);
        routes.post(TRIGGER_ALIAS, this::trigger);
        routes.get(STATUS, this::status);
        routes.get(RUNS, ctx -> ctx.json(SyncRunPageJson.of(runs.runs(Params.page(ctx)))));
        routes.get(RUN, this::run);
        routes.get(
                FAILURES,
                ctx -> ctx.json(QuarantinePageJson.of(
                        quarantine.quarantined(Params.page(ctx)), Params.flag(ctx, "include_payload"))));
    }

    private void trigger(Context ctx) {
        if (!partnerCenterEnabled.getAsBoolean()) {
            throw ApiError.badRequest(
                    "partner_center_disabled",
                    "Partner Center integration is disabled. "
                            + "Set HUNTER_PARTNER_CENTER_ENABLED=true and restart the server to enable syncs.");
        }
        SyncMode mode = mode(Json.body(ctx, SyncTriggerBody.class, SyncTriggerBody.EMPTY));
        EnqueueOutcome outcome;
        try {
            outcome = requestSync.request(SyncTrigger.MANUAL, mode);
        } catch (RuntimeException e) {
            LOG.atError()
                    .setCause(e)
                    .addKeyValue("request_id", RequestIds.of(ctx))
                    .log("partner_center_sync_enqueue_failed");
            throw new ApiError(
                    503,
                    "enqueue_failed",
                    "The sync could not be queued; try again in a minute. Quote request id " + RequestIds.of(ctx)
                            + " if it keeps failing.");
        }
        String taskId = outcome.runId().toString();
        switch (outcome) {
            case EnqueueOutcome.Enqueued enqueued -> {
                LOG.atInfo()
                        .addKeyValue("task_id", taskId)
                        .addKeyValue("mode", mode.code())
                        .log("partner_center_sync_triggered");
                ctx.status(202).json(SyncTriggerJson.enqueued(taskId));
            }
            // 200, not 202: this request accepted nothing new; the body names the run that is already on its way.
            case EnqueueOutcome.AlreadyActive active -> {
                LOG.atInfo().addKeyValue("task_id", taskId).log("partner_center_sync_already_active");
                ctx.status(200).json(SyncTriggerJson.alreadyActive(taskId));
            }
        }
    }

    private static SyncMode mode(SyncTriggerBody body) {
        if (body.mode() == null || body.mode().isBlank()) {
            return SyncMode.INCREMENTAL;
        }
        try {
            return SyncMode.fromCode(body.mode().strip());
        } catch (IllegalArgumentException e) {
            String shown = body.mode().length() > 50 ? body.mode().substring(0, 50) + "…" : body.mode();
            throw ApiError.badRequest("invalid_field", "Unknown mode '" + shown + "'; expected incremental or full.");
        }
    }

    private void status(Context ctx) {
        ctx.json(SyncStatusJson.read(runs, partnerCenterEnabled));
    }

    private void run(Context ctx) {
        var taskId = Params.taskId(ctx);
        ctx.json(runs.find(taskId)
                .map(SyncRunJson::of)
                .orElseThrow(() -> ApiError.notFound("task_not_found", "No sync run has task id " + taskId + ".")));
    }
}
