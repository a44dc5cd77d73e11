package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /v1.0/engagements/referrals} and {@code GET /v1.0/engagements/referrals/{id}}: bearer check, faults, OData
 * subset, keyset paging behind an opaque {@code $skiptoken}, and the OData envelope. {@code PATCH} of one referral goes
 * to {@link ReferralPatchEndpoint} after the same bearer check.
 */
final class ReferralsEndpoint {

    private final SimulatedReferrals referrals;
    private final SimulatedFaults faults;
    private final BearerAuth auth;
    private final Clock clock;
    private final Supplier<String> baseUrl;
    private final Supplier<String> foreignBaseUrl;
    private final Duration pageLatency;
    private final ReferralPatchEndpoint patch;

    ReferralsEndpoint(
            SimulatedReferrals referrals,
            SimulatedFaults faults,
            BearerAuth auth,
            Clock clock,
            Supplier<String> baseUrl,
            Supplier<String> foreignBaseUrl,
            Duration pageLatency,
            ReferralPatchEndpoint patch) {
        this.referrals = referrals;
        this.faults = faults;
        this.auth = auth;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.foreignBaseUrl = foreignBaseUrl;
        this.pageLatency = pageLatency;
        this.patch = patch;
    }

    Reply handle(Request request) {
        String rest = request.path().substring(PartnerCenterSimulator.REFERRALS_PATH.length());
        boolean isPatch = "PATCH".equals(request.method()) && rest.length() > 1;
        if (!request.isGet() && !isPatch) {
            return ApiErrors.error(
                    405, "invalidRequest", "Only GET, and PATCH of one referral, are simulated on this resource.");
        }
        Optional<Reply> unauthorized = auth.reject(request);
        if (unauthorized.isPresent()) {
            return unauthorized.get();
        }
        if (isPatch) {
            String id = rest.substring(1);
            return id.contains("/") ? ApiErrors.notFound("No such resource.") : patch.handle(request, id);
        }
        if (rest.isEmpty() || rest.equals("/")) {
            return list(request);
        }
        String id = rest.substring(1);
        if (id.contains("/")) {
            return ApiErrors.notFound("No such resource.");
        }
        return byId(id);
    }

    private Reply byId(String id) {
        Optional<Reply> fault = FaultReplies.apply(faults.take(Endpoint.REFERRAL_BY_ID, null), clock);
        if (fault.isPresent()) {
            return fault.get();
        }
        Optional<JsonNode> found = referrals.find(id);
        if (found.isEmpty()) {
            return ApiErrors.notFound("The referral '" + id + "' was not found.");
        }
        ObjectNode body = Json.object().put("@odata.context", baseUrl.get() + "/v1.0/$metadata#Referrals/$entity");
        if (found.get().isObject()) {
            body.setAll((ObjectNode) found.get());
        }
        Reply reply = Reply.json(200, body);
        JsonNode etag = found.get().path("eTag");
        return etag.isTextual() ? reply.withHeader("ETag", etag.asText()) : reply;
    }

    private Reply list(Request request) {
        if (!pageLatency.isZero()) {
            // Models the real API's per-page round trip for benchmarks; real time, not the simulator's clock.
            FaultReplies.sleep(pageLatency);
        }
        SkipToken position;
        String rawToken = request.param("$skiptoken").orElse(null);
        try {
            position = rawToken != null
                    ? SkipToken.decode(rawToken)
                    : new SkipToken(ListQuery.from(request.query()), null, 1);
        } catch (IllegalArgumentException e) {
            return ApiErrors.invalidRequest(e.getMessage());
        }
        List<Fault> taken = faults.take(Endpoint.REFERRALS_LIST, position.page());
        Optional<Reply> replaced = FaultReplies.apply(taken, clock);
        if (replaced.isPresent()) {
            return replaced.get();
        }
        ReferralPages.Page page = referrals.page(position);
        String selfLink = link(baseUrl.get(), rawToken != null ? rawToken : position.encode());
        String nextLink =
                page.next() == null ? null : link(baseUrl.get(), page.next().encode());
        Fault.Kind tamper = taken.stream()
                .map(Fault::kind)
                .filter(Fault.Kind::tampersWithPage)
                .findFirst()
                .orElse(null);
        if (tamper == Fault.Kind.NEXT_LINK_LOOP) {
            nextLink = selfLink;
        } else if (tamper == Fault.Kind.FOREIGN_NEXT_LINK) {
            SkipToken target = page.next() != null ? page.next() : position;
            nextLink = link(foreignBaseUrl.get(), target.encode());
        }
        ObjectNode body = Json.object()
                .put("@odata.context", baseUrl.get() + "/v1.0/$metadata#Referrals")
                .put("@odata.count", page.total());
        ArrayNode value = body.putArray("value");
        page.items().forEach(value::add);
        if (nextLink != null) {
            body.put("@odata.nextLink", nextLink);
        }
        if (tamper == Fault.Kind.CONNECTION_RESET) {
            return Reply.json(200, body).cutInHalf();
        }
        if (tamper == Fault.Kind.MALFORMED_JSON) {
            String json = Json.write(body);
            return Reply.rawJson(200, json.substring(0, Math.max(1, json.length() / 2)));
        }
        return Reply.json(200, body);
    }

    private static String link(String base, String token) {
        return base + PartnerCenterSimulator.REFERRALS_PATH + "?$skiptoken=" + token;
    }
}
