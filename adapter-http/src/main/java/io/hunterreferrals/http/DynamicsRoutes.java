package io.hunterreferrals.http;

import io.hunterreferrals.core.push.PushDispatcher.Dispatched;
import io.hunterreferrals.core.push.PushError;
import io.hunterreferrals.core.push.PushOutcome;
import io.hunterreferrals.core.push.PushQueries;
import io.hunterreferrals.core.push.PushReport;
import io.hunterreferrals.core.push.PushReport.PushRunStatus;
import io.hunterreferrals.core.push.PushRequest;
import io.hunterreferrals.core.push.PushRequest.PushTrigger;
import io.hunterreferrals.core.query.ReferralQueries;
import io.hunterreferrals.core.referral.ReferralId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hamle 2 in the API: the push's runs, a whole push handed to the worker, and one referral pushed at the operator's
 * request (the UI's "Send to Dynamics"). The reads work whether or not this server pushes; the pushes need it on.
 */
final class DynamicsRoutes {

    static final String PUSH = "/api/v1/dynamics/push";
    static final String RUNS = "/api/v1/dynamics/push/runs";
    static final String RUN = "/api/v1/dynamics/push/runs/{run_id}";
    static final String PUSH_REFERRAL = "/api/v1/partner-center/referrals/{id}/push-to-dynamics";

    static final int DEFAULT_RUNS = 20;
    static final int MAX_RUNS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(DynamicsRoutes.class);

    private final PushQueries queries;
    private final Optional<DynamicsPush> dynamics;
    private final ReferralQueries referrals;

    DynamicsRoutes(PushQueries queries, Optional<DynamicsPush> dynamics, ReferralQueries referrals) {
        this.queries = queries;
        this.dynamics = dynamics;
        this.referrals = referrals;
    }

    void register(RoutesConfig routes) {
        routes.post(PUSH, this::pushAll);
        routes.get(
                RUNS,
                ctx -> ctx.json(PushJson.RunList.of(queries.recentRuns(Params.limit(ctx, DEFAULT_RUNS, MAX_RUNS)))));
        routes.get(RUN, this::run);
        routes.post(PUSH_REFERRAL, this::pushOne);
    }

    /** The referral detail's {@code dynamics} member. */
    PushJson.Referral referral(ReferralId id) {
        return new PushJson.Referral(
                dynamics.isPresent(), queries.state(id).map(PushJson.State::of).orElse(null));
    }

    private void run(Context ctx) {
        var id = Params.pushRunId(ctx);
        ctx.json(queries.run(id)
                .map(PushJson.Run::of)
                .orElseThrow(() -> ApiError.notFound("push_run_not_found", "No push run has id " + id + ".")));
    }

    private void pushAll(Context ctx) {
        DynamicsPush push = enabled();
        Dispatched dispatched;
        try {
            dispatched = push.dispatcher().dispatch(PushTrigger.MANUAL);
        } catch (RuntimeException e) {
            LOG.atError()
                    .setCause(e)
                    .addKeyValue("request_id", RequestIds.of(ctx))
                    .log("dynamics_push_enqueue_failed");
            throw new ApiError(
                    503,
                    "enqueue_failed",
                    "The push could not be queued (the database did not take it). Try again in a moment; "
                            + "/healthz shows whether the database is connected.");
        }
        LOG.atInfo()
                .addKeyValue("result", dispatched.name().toLowerCase(java.util.Locale.ROOT))
                .log("dynamics_push_requested");
        ctx.status(202)
                .json(new QueuedJson(
                        dispatched == Dispatched.QUEUED ? "queued" : "already_queued",
                        dispatched == Dispatched.QUEUED
                                ? "A push to Dynamics 365 is queued; the worker runs it in a moment."
                                : "A push to Dynamics 365 is already waiting or running; it takes every due referral, "
                                        + "these too.",
                        RUNS));
    }

    private void pushOne(Context ctx) {
        ReferralId id = Params.referralId(ctx);
        DynamicsPush push = enabled();
        if (referrals.find(id, false).isEmpty()) {
            throw ApiError.notFound("referral_not_found", "No referral has id " + id.value() + ".");
        }
        PushOutcome outcome =
                push.push().push(PushRequest.of(PushTrigger.MANUAL).only(id));
        PushReport report = switch (outcome) {
            case PushOutcome.Busy busy ->
                throw new ApiError(
                        409,
                        "dynamics_push_running",
                        "A push to Dynamics 365 is running (run " + busy.activeRun()
                                + "); it sends this referral too if it changed. Try again when it has finished.");
            case PushOutcome.Finished finished -> finished.report();
        };
        if (report.status() == PushRunStatus.FAILED) {
            throw failure(report.error().orElseThrow());
        }
        String result = report.created() > 0 ? "created" : report.updated() > 0 ? "updated" : "rejected";
        ctx.json(new PushedJson(
                result, queries.run(report.runId()).map(PushJson.Run::of).orElse(null), referral(id)));
    }

    private DynamicsPush enabled() {
        return dynamics.orElseThrow(() -> new ApiError(
                409,
                "dynamics_disabled",
                "The push to Dynamics 365 is off on this server. Set HUNTER_DYNAMICS_ENABLED=true and the other "
                        + "HUNTER_DYNAMICS_* settings, run `hunter dynamics setup --apply`, and restart the server "
                        + "(runbook: Hamle 2)."));
    }

    /** The run's error as the API's: the CRM's failures are a bad gateway, ours an internal or unavailable one. */
    private static ApiError failure(PushError error) {
        int status = switch (error.code()) {
            case DATABASE_UNAVAILABLE, INTERRUPTED -> 503;
            case INTERNAL_ERROR, ABANDONED, UNRECOGNISED, CONFIGURATION_INVALID -> 500;
            case SIGN_IN_FAILED,
                    APPLICATION_USER_MISSING,
                    PRIVILEGE_MISSING,
                    SETUP_REQUIRED,
                    THROTTLED,
                    UNAVAILABLE,
                    NETWORK_ERROR,
                    MALFORMED_RESPONSE -> 502;
        };
        String message = error.message()
                + error.requestId()
                        .map(id -> " (Dataverse request id " + id + ")")
                        .orElse("");
        return new ApiError(status, error.code().code(), message);
    }

    /** {@code POST .../dynamics/push}: queued, or joined the push already waiting. */
    record QueuedJson(String status, String message, String runsUrl) {}

    /** {@code POST .../push-to-dynamics}: what became of the lead, the run, and the referral's state now. */
    record PushedJson(String result, PushJson.Run run, PushJson.Referral dynamics) {}
}
