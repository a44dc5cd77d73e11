package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * {@code /_simulator/...} of the Dataverse simulator: its Java levers over HTTP, for a standalone instance driven by
 * curl. Not part of any Microsoft API; no token needed.
 */
final class DataverseAdminEndpoint {

    static final String PREFIX = "/_simulator";

    private final DataverseSimulator sim;

    DataverseAdminEndpoint(DataverseSimulator sim) {
        this.sim = sim;
    }

    Reply handle(Request r) {
        try {
            return route(r, r.path().substring(PREFIX.length()));
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            return DataverseErrors.badRequest("", e.getMessage());
        }
    }

    private Reply route(Request r, String path) {
        switch (r.method() + " " + path) {
            case "GET /health":
                return ok(Json.object()
                        .put("status", "ok")
                        .put("leads", sim.leads().size()));
            case "POST /faults": {
                DataverseFault fault = faultFrom(r);
                sim.faults().inject(fault);
                return ok(Json.object().put("injected", fault.toString()));
            }
            case "GET /faults": {
                ArrayNode a = Json.MAPPER.createArrayNode();
                sim.faults().pending().forEach(f -> a.add(f.toString()));
                return ok(Json.object().set("pending", a));
            }
            case "DELETE /faults":
                sim.faults().clear();
                return Reply.noContent();
            case "GET /journal":
                return ok(JournalJson.of(sim.journal(), true));
            case "DELETE /journal":
                sim.journal().clear();
                return Reply.noContent();
            case "GET /leads": {
                ArrayNode a = Json.MAPPER.createArrayNode();
                sim.leads().all().forEach(l -> a.add(lead(l)));
                return ok(Json.object()
                        .put("created", sim.leads().createdCount())
                        .put("updated", sim.leads().updatedCount())
                        .set("leads", a));
            }
            case "POST /leads": {
                JsonNode body = Json.parse(r.body());
                Map<String, Object> columns = new LinkedHashMap<>();
                body.properties().forEach(e -> columns.put(e.getKey(), DataverseLeadWrites.plain(e.getValue())));
                return ok(
                        Json.object().put("leadid", sim.leads().insert(columns).toString()));
            }
            case "GET /keys": {
                ArrayNode a = Json.MAPPER.createArrayNode();
                sim.metadata().keys().forEach(k -> a.add(Json.MAPPER.valueToTree(k)));
                return ok(Json.object().set("keys", a));
            }
            case "POST /keys/complete":
                sim.metadata().completeKeyIndexes();
                return Reply.noContent();
            case "POST /keys/reactivate":
                sim.metadata().reactivateKeys();
                return Reply.noContent();
            case "POST /tokens/expire":
                sim.tokens().expireAllAccessTokens();
                return Reply.noContent();
            case "POST /reset":
                sim.reset();
                return Reply.noContent();
            default:
                return leadLever(r, path);
        }
    }

    /** POST /leads/{leadid or referral id}/state?statecode=..&statuscode=.. and DELETE /leads/{...}. */
    private Reply leadLever(Request r, String path) {
        String[] parts = path.split("/");
        if (parts.length >= 3 && parts[1].equals("leads")) {
            UUID id = leadId(parts[2]);
            if (r.isPost() && parts.length == 4 && parts[3].equals("state")) {
                sim.leads()
                        .setState(
                                id,
                                Integer.parseInt(required(r, "statecode")),
                                Integer.parseInt(required(r, "statuscode")));
                return Reply.noContent();
            }
            if (r.method().equals("DELETE") && parts.length == 3) {
                sim.leads().delete(id);
                return Reply.noContent();
            }
        }
        return DataverseErrors.error(404, "", "Unknown simulator lever.");
    }

    /** By hand: the shared mapper has no java.time module, and the snapshot's Instants must stay ISO strings. */
    private static ObjectNode lead(DataverseLead l) {
        ObjectNode o = Json.object()
                .put("leadid", l.leadId().toString())
                .put("referralId", l.referralId())
                .put("createdByApi", l.createdByApi())
                .put("apiUpdates", l.apiUpdates())
                .put("createdOn", l.createdOn().toString())
                .put("modifiedOn", l.modifiedOn().toString())
                .put("etag", l.etag());
        o.set("columns", Json.MAPPER.valueToTree(l.columns()));
        o.set("apiWrites", Json.MAPPER.valueToTree(l.apiWrites()));
        return o;
    }

    private UUID leadId(String idOrReferral) {
        try {
            UUID id = UUID.fromString(idOrReferral);
            if (sim.leads().byId(id).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // Not a GUID: a referral id.
        }
        return sim.leads()
                .byReferralId(idOrReferral)
                .orElseThrow(() -> new NoSuchElementException("no lead with leadid or referral id " + idOrReferral))
                .leadId();
    }

    /**
     * kind=429|429-time|429-concurrency|503|403-user|403-privilege|duplicate|delay|expired-secret, plus times,
     * retryAfter, delayMs, target=TOKEN|WHO_AM_I|METADATA|READ|UPSERT|BATCH|BATCH_ITEM|WEB_API.
     */
    static DataverseFault faultFrom(Request r) {
        String kind = required(r, "kind");
        int retryAfter = Integer.parseInt(r.param("retryAfter").orElse("-1"));
        DataverseFault f = switch (kind.toLowerCase(Locale.ROOT)) {
            case "429" -> DataverseFault.tooManyRequests(Math.max(0, retryAfter));
            case "429-time" -> DataverseFault.executionTimeExceeded(Math.max(0, retryAfter));
            case "429-concurrency" -> DataverseFault.tooManyConcurrentRequests(Math.max(0, retryAfter));
            case "503" -> DataverseFault.serviceUnavailable().retryAfter(retryAfter);
            case "403-user" -> DataverseFault.missingApplicationUser();
            case "403-privilege" -> DataverseFault.missingPrivilege();
            case "duplicate" -> DataverseFault.duplicateDetected();
            case "delay" ->
                DataverseFault.delay(
                        Duration.ofMillis(Long.parseLong(r.param("delayMs").orElse("5000"))));
            case "expired-secret" -> DataverseFault.expiredClientSecret();
            default -> throw new IllegalArgumentException("unknown fault kind: " + kind);
        };
        if (r.param("target").isPresent()) {
            f = f.on(DataverseFaultTarget.valueOf(r.param("target").get().toUpperCase(Locale.ROOT)));
        }
        if (r.param("times").isPresent()) {
            f = f.times(Integer.parseInt(r.param("times").get()));
        }
        return f;
    }

    private static String required(Request r, String name) {
        return r.param(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
    }

    private static Reply ok(ObjectNode body) {
        return Reply.json(200, body);
    }
}
