package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code PATCH /v1.0/engagements/referrals/{id}} as patch-a-referral documents it: a JSON Patch array of
 * {@code replace} and {@code add} operations (any other op is a 400), an optional {@code If-Match} that must be the
 * referral's current eTag (412 otherwise), and 204, or 200 with the referral under {@code Prefer:
 * return=representation}; a change issues a new eTag. Only {@code /externalReferenceId} is simulated; the
 * {@link PatchMode} decides whether it is accepted.
 */
final class ReferralPatchEndpoint {

    static final String EXTERNAL_REFERENCE_ID = "/externalReferenceId";
    private static final Set<String> SUPPORTED_OPS = Set.of("replace", "add");

    private final SimulatedReferrals referrals;
    private final SimulatedFaults faults;
    private final Clock clock;
    private final Supplier<PatchMode> mode;
    private final Supplier<String> baseUrl;

    ReferralPatchEndpoint(
            SimulatedReferrals referrals,
            SimulatedFaults faults,
            Clock clock,
            Supplier<PatchMode> mode,
            Supplier<String> baseUrl) {
        this.referrals = referrals;
        this.faults = faults;
        this.clock = clock;
        this.mode = mode;
        this.baseUrl = baseUrl;
    }

    /** The caller has checked the bearer token. */
    Reply handle(Request request, String id) {
        Optional<Reply> fault = FaultReplies.apply(faults.take(Endpoint.REFERRAL_PATCH, null), clock);
        if (fault.isPresent()) {
            return fault.get();
        }
        JsonNode value;
        try {
            value = externalReferenceId(request.body());
        } catch (IllegalArgumentException e) {
            return ApiErrors.invalidRequest(e.getMessage());
        }
        if (referrals.find(id).isEmpty()) {
            return ApiErrors.notFound("The referral '" + id + "' was not found.");
        }
        PatchMode current = mode.get();
        if (current == PatchMode.REFUSE_FORBIDDEN) {
            return ApiErrors.error(
                    403, "accessDenied", "The user may not update referrals (simulated refusal, PatchMode).");
        }
        if (current == PatchMode.REFUSE_NOT_UPDATABLE) {
            return ApiErrors.invalidRequest("The property 'externalReferenceId' cannot be updated (simulated refusal: "
                    + "whether Partner Center accepts it is unconfirmed).");
        }
        SimulatedReferrals.Patched patched = referrals.patch(
                id,
                request.header("If-Match"),
                current == PatchMode.IGNORE ? r -> {} : r -> r.set("externalReferenceId", value),
                current != PatchMode.IGNORE);
        return switch (patched.outcome()) {
            case NOT_FOUND -> ApiErrors.notFound("The referral '" + id + "' was not found.");
            case ETAG_MISMATCH ->
                ApiErrors.error(
                        412,
                        "preconditionFailed",
                        "The referral was changed since it was read (If-Match does not match its eTag).");
            case APPLIED -> applied(request, patched.referral());
        };
    }

    private Reply applied(Request request, ObjectNode referral) {
        boolean representation = request.header("Prefer")
                .filter(p -> p.toLowerCase(java.util.Locale.ROOT).contains("return=representation"))
                .isPresent();
        Reply reply;
        if (representation) {
            ObjectNode body = Json.object().put("@odata.context", baseUrl.get() + "/v1.0/$metadata#Referrals/$entity");
            body.setAll(referral);
            reply = Reply.json(200, body);
        } else {
            reply = Reply.noContent();
        }
        JsonNode etag = referral.path("eTag");
        return etag.isTextual() ? reply.withHeader("ETag", etag.asText()) : reply;
    }

    /** The value the document sets {@code /externalReferenceId} to; a 400's message for anything else. */
    private static JsonNode externalReferenceId(String body) {
        JsonNode patch;
        try {
            patch = Json.parse(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            patch = null;
        }
        if (patch == null || !patch.isArray() || patch.isEmpty()) {
            throw new IllegalArgumentException(
                    "The body must be a JSON Patch document: a non-empty array of operations.");
        }
        JsonNode value = null;
        for (JsonNode op : patch) {
            String name = op.path("op").asText("");
            if (!SUPPORTED_OPS.contains(name)) {
                throw new IllegalArgumentException(
                        "The operation '" + name + "' is not supported; only replace and add are.");
            }
            if (!EXTERNAL_REFERENCE_ID.equals(op.path("path").asText())) {
                throw new IllegalArgumentException("The simulator only simulates changes to " + EXTERNAL_REFERENCE_ID
                        + ", not '" + op.path("path").asText() + "'.");
            }
            JsonNode v = op.path("value");
            if (!v.isTextual() && !v.isNull()) {
                throw new IllegalArgumentException(EXTERNAL_REFERENCE_ID + " takes a string value.");
            }
            value = v;
        }
        return value;
    }
}
