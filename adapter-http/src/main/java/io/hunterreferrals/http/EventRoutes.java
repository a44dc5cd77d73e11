package io.hunterreferrals.http;

import io.hunterreferrals.core.notify.DeliveryState;
import io.hunterreferrals.core.notify.EventFilter;
import io.hunterreferrals.core.notify.EventType;
import io.hunterreferrals.core.notify.Outbox;
import io.hunterreferrals.core.referral.ReferralId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification outbox for operators: the events with each channel's delivery, one event, and sending the dead
 * letters again once the receiver is fixed (the web UI's "Retry", {@code hunter events retry}). On a server without an
 * outbox every route answers 503 {@code notifications_unavailable} and the referral detail's {@code notifications} is
 * {@code null}.
 */
final class EventRoutes {

    static final String EVENTS = "/api/v1/events";
    static final String EVENT = "/api/v1/events/{id}";
    static final String RETRY_ALL = "/api/v1/events/retry";
    static final String RETRY = "/api/v1/events/{id}/retry";

    static final int DEFAULT_LIMIT = 50;
    /** How many of a referral's events its detail shows. */
    static final int REFERRAL_EVENTS = 20;

    private static final int MAX_ID = 255;
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Logger LOG = LoggerFactory.getLogger(EventRoutes.class);

    private final Optional<Outbox> outbox;
    private final Clock clock;

    EventRoutes(Optional<Outbox> outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(EVENTS, this::list);
        // registered before {id}, so "retry" is never taken for an event id
        routes.post(RETRY_ALL, ctx -> retry(ctx, Optional.empty()));
        routes.get(EVENT, this::one);
        routes.post(RETRY, ctx -> retry(ctx, Optional.of(eventId(ctx))));
    }

    /** The referral detail's {@code notifications} member: its latest events, {@code null} without an outbox. */
    List<EventJson.Event> referral(ReferralId id) {
        return outbox.map(o -> EventJson.Event.all(o.events(
                        new EventFilter(Optional.of(id), Optional.empty(), Optional.empty(), REFERRAL_EVENTS))))
                .orElse(null);
    }

    private void list(Context ctx) {
        EventFilter filter = new EventFilter(
                referralFilter(ctx),
                Params.oneOf(ctx, "state", DeliveryState.values(), DeliveryState::code),
                typeFilter(ctx),
                Params.limit(ctx, DEFAULT_LIMIT, EventFilter.MAX_LIMIT));
        ctx.json(EventJson.EventList.of(outbox().events(filter)));
    }

    private void one(Context ctx) {
        UUID id = eventId(ctx);
        ctx.json(outbox().event(id).map(EventJson.Event::of).orElseThrow(() -> notFound(id)));
    }

    private void retry(Context ctx, Optional<UUID> event) {
        Outbox outbox = outbox();
        if (event.isPresent() && outbox.event(event.get()).isEmpty()) {
            throw notFound(event.get());
        }
        int revived = outbox.retryDead(event, clock.instant());
        // ids and a count only: the event's company stays out of the log
        LOG.atInfo()
                .addKeyValue("event_id", event.map(UUID::toString).orElse("all"))
                .addKeyValue("revived", revived)
                .addKeyValue("request_id", RequestIds.of(ctx))
                .log("notification_retry_requested");
        ctx.json(new EventJson.Revived(revived));
    }

    private Outbox outbox() {
        return outbox.orElseThrow(() -> new ApiError(
                503,
                "notifications_unavailable",
                "This server has no notification outbox, so it cannot list or retry events. Run the server with "
                        + "its database (hunter server) to see them, or use `hunter events list`."));
    }

    private static Optional<ReferralId> referralFilter(Context ctx) {
        Optional<String> value = Params.text(ctx, "referral", MAX_ID);
        try {
            return value.map(ReferralId::of);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid_parameter", "referral: " + e.getMessage() + ".");
        }
    }

    private static Optional<EventType> typeFilter(Context ctx) {
        Optional<String> value = Params.text(ctx, "type", 50);
        try {
            return value.map(EventType::fromWire);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid_parameter", e.getMessage() + ".");
        }
    }

    private static UUID eventId(Context ctx) {
        String id = ctx.pathParam("id");
        // the canonical form only: UUID.fromString also takes "1-2-3-4-5"
        if (CANONICAL_UUID.matcher(id).matches()) {
            return UUID.fromString(id);
        }
        String shown = id.length() > 60 ? id.substring(0, 60) + "…" : id;
        throw ApiError.badRequest("invalid_event_id", "An event id is a UUID, was '" + shown + "'.");
    }

    private static ApiError notFound(UUID id) {
        return ApiError.notFound(
                "event_not_found",
                "No event has id " + id + " (delivered and dead events are purged "
                        + "after HUNTER_NOTIFY_RETENTION_DAYS).");
    }
}
