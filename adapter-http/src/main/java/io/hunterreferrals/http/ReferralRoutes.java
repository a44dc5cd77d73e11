package io.hunterreferrals.http;

import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.link.LinkOutcome;
import io.hunterreferrals.core.link.ReferralLinks;
import io.hunterreferrals.core.query.InboxQuery;
import io.hunterreferrals.core.query.ReferralDetail;
import io.hunterreferrals.core.query.ReferralQueries;
import io.hunterreferrals.core.referral.ReferralId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The referral inbox, one referral's detail, and the operator's link decisions. */
final class ReferralRoutes {

    static final String INBOX = "/api/v1/partner-center/referrals";
    /** The predecessor UI's path for the inbox. */
    static final String INBOX_ALIAS = "/api/v1/partner-center/referrals/inbox";
    /** Stored referrals counted by type and status (the sync-runs screen's chart). */
    static final String STATS = "/api/v1/partner-center/referrals/stats";

    static final String DETAIL = "/api/v1/partner-center/referrals/{id}";
    static final String LINK = "/api/v1/partner-center/referrals/{id}/link";
    static final String UNLINK = "/api/v1/partner-center/referrals/{id}/unlink";
    static final String CREATE_LEAD = "/api/v1/partner-center/referrals/{id}/create-lead";

    static final int MAX_NAME = 255;
    static final int MAX_NOTES = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(ReferralRoutes.class);

    private final ReferralQueries referrals;
    private final ReferralLinks links;
    private final Function<ReferralId, PushJson.Referral> dynamics;
    private final Function<ReferralId, List<EventJson.Event>> notifications;

    /**
     * @param dynamics a referral's place in the push to Dynamics 365
     * @param notifications a referral's latest events, {@code null} without an outbox
     */
    ReferralRoutes(
            ReferralQueries referrals,
            ReferralLinks links,
            Function<ReferralId, PushJson.Referral> dynamics,
            Function<ReferralId, List<EventJson.Event>> notifications) {
        this.referrals = referrals;
        this.links = links;
        this.dynamics = dynamics;
        this.notifications = notifications;
    }

    void register(RoutesConfig routes) {
        routes.get(INBOX, this::inbox);
        // Registered before {id} so "inbox" and "stats" are never taken for a referral id.
        routes.get(INBOX_ALIAS, this::inbox);
        routes.get(STATS, ctx -> ctx.json(ReferralStatsJson.of(referrals.countsByTypeAndStatus())));
        routes.get(DETAIL, this::detail);
        routes.post(LINK, this::link);
        routes.post(UNLINK, this::unlink);
        routes.post(CREATE_LEAD, this::createLead);
    }

    private void inbox(Context ctx) {
        InboxQuery query = new InboxQuery(
                Params.linkStatus(ctx),
                Params.referralType(ctx, true),
                Params.text(ctx, "status", Params.MAX_STATUS),
                Params.text(ctx, "search", Params.MAX_SEARCH),
                Params.sort(ctx),
                Params.page(ctx));
        ctx.json(InboxJson.of(referrals.inbox(query)));
    }

    private void detail(Context ctx) {
        ReferralId id = Params.referralId(ctx);
        boolean includeRaw = Params.flag(ctx, "include_raw");
        ReferralDetail detail = referrals.find(id, includeRaw).orElseThrow(() -> referralNotFound(id));
        ctx.json(ReferralDetailJson.of(detail, dynamics.apply(id), notifications.apply(id)));
    }

    private void link(Context ctx) {
        ReferralId id = Params.referralId(ctx);
        LinkBody body = Json.body(ctx, LinkBody.class, LinkBody.EMPTY);
        if (body.leadDomain() == null || body.leadDomain().isBlank()) {
            throw ApiError.badRequest(
                    "missing_field", "lead_domain is required, e.g. {\"lead_domain\": \"contoso.com\"}.");
        }
        if (body.leadDomain().length() > 2048) {
            throw ApiError.badRequest("invalid_domain", "lead_domain is too long to be a domain.");
        }
        respond(ctx, links.link(id, body.leadDomain()));
    }

    private void unlink(Context ctx) {
        respond(ctx, links.unlink(Params.referralId(ctx)));
    }

    private void createLead(Context ctx) {
        ReferralId id = Params.referralId(ctx);
        CreateLeadBody body = Json.body(ctx, CreateLeadBody.class, CreateLeadBody.EMPTY);
        Optional<String> name = limited(body.companyNameOverride(), "company_name_override", MAX_NAME);
        Optional<String> notes = limited(body.notes(), "notes", MAX_NOTES);
        respond(ctx, links.createLead(id, name, notes));
    }

    private static void respond(Context ctx, LinkOutcome outcome) {
        switch (outcome) {
            case LinkOutcome.Linked linked -> {
                // Ids only: the domain and company name are personal-ish data and stay out of logs.
                LOG.atInfo()
                        .addKeyValue("referral_id", linked.referral().value())
                        .addKeyValue("lead_id", linked.company().value())
                        .addKeyValue("lead_created", linked.companyCreated())
                        .log("partner_center_referral_linked");
                ctx.json(new LinkResultJson(
                        linked.companyCreated() ? "created" : "linked",
                        linked.referral().value(),
                        LinkStatus.MANUAL_LINKED.code(),
                        linked.company().value(),
                        linked.domain().value(),
                        linked.companyCreated()));
            }
            case LinkOutcome.Unlinked unlinked ->
                ctx.json(new LinkResultJson(
                        "unlinked", unlinked.referral().value(), LinkStatus.MANUAL_UNLINKED.code(), null, null, null));
            case LinkOutcome.ReferralNotFound notFound -> throw referralNotFound(notFound.referral());
            case LinkOutcome.LeadNotFound leadNotFound ->
                throw ApiError.notFound(
                        "lead_not_found",
                        "Lead not found for domain: " + leadNotFound.domain().value()
                                + ". Import the lead first, or use "
                                + "create-lead to make one from the referral's own domain.");
            case LinkOutcome.InvalidDomain invalid ->
                throw new ApiError(
                        400,
                        "invalid_domain",
                        invalid.message(),
                        invalid.reason().code());
            case LinkOutcome.NoDomain noDomain ->
                throw ApiError.badRequest(
                        "referral_has_no_domain",
                        "This referral has no usable company domain, so no lead can be created from it. Link it to an "
                                + "existing lead instead: POST "
                                + LINK.replace("{id}", noDomain.referral().value())
                                + " with {\"lead_domain\": \"contoso.com\"}.");
        }
    }

    private static Optional<String> limited(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > max) {
            throw ApiError.badRequest("invalid_field", field + " must be at most " + max + " characters.");
        }
        return Optional.of(value.strip());
    }

    private static ApiError referralNotFound(ReferralId id) {
        return ApiError.notFound("referral_not_found", "No referral has id " + id.value() + ".");
    }
}
