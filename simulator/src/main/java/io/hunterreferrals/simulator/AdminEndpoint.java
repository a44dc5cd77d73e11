package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * {@code /_simulator/...}: the Java levers over HTTP, for the standalone demo and for tests in other processes. Not
 * part of any Microsoft API. Answers with small JSON documents; errors as the Partner API error body.
 */
final class AdminEndpoint {

    static final String PREFIX = "/_simulator";

    private final PartnerCenterSimulator sim;
    private final WebhookAdmin webhooks;

    AdminEndpoint(PartnerCenterSimulator sim) {
        this.sim = sim;
        this.webhooks = new WebhookAdmin(sim.webhooks());
    }

    Reply handle(Request r) {
        String path = r.path().substring(PREFIX.length());
        try {
            return route(r, path);
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            return ApiErrors.invalidRequest(e.getMessage());
        }
    }

    private Reply route(Request r, String path) {
        if (path.startsWith(WebhookAdmin.PREFIX)) {
            return webhooks.handle(r, path).orElseGet(() -> ApiErrors.notFound("Unknown simulator lever."));
        }
        String m = r.method();
        switch (m + " " + path) {
            case "GET /health":
                return ok(Json.object()
                        .put("status", "ok")
                        .put("referrals", sim.referrals().size()));
            case "GET /device/pending":
                return ok(list("userCodes", sim.identity().pendingUserCodes()));
            case "POST /device/approve": {
                List<String> codes = r.param("user_code")
                        .map(List::of)
                        .orElseGet(() -> sim.identity().pendingUserCodes());
                codes.forEach(sim.identity()::approve);
                return ok(list("approved", codes));
            }
            case "POST /device/decline": {
                String code =
                        r.param("user_code").orElseThrow(() -> new IllegalArgumentException("user_code is required"));
                sim.identity().decline(code);
                return ok(list("declined", List.of(code)));
            }
            case "POST /tokens/expire":
                sim.identity().expireAllAccessTokens();
                return Reply.noContent();
            case "POST /tokens/revoke":
                sim.identity().revokeAllRefreshTokens();
                return Reply.noContent();
            case "POST /faults": {
                Fault fault = faultFrom(r);
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
                return ok(JournalJson.of(sim.journal(), false));
            case "DELETE /journal":
                sim.journal().clear();
                return Reply.noContent();
            case "POST /referrals": {
                int count = Integer.parseInt(r.param("count").orElse("1"));
                ArrayNode ids = Json.MAPPER.createArrayNode();
                for (int i = 0; i < count; i++) {
                    ids.add(sim.referrals().addNew());
                }
                return ok(Json.object().set("added", ids));
            }
            case "POST /patch-mode": {
                String mode = r.param("mode").orElseThrow(() -> new IllegalArgumentException("mode is required"));
                sim.patchMode(PatchMode.valueOf(mode.toUpperCase(Locale.ROOT)));
                return ok(Json.object().put("patchMode", sim.patchMode().name().toLowerCase(Locale.ROOT)));
            }
            case "POST /referrals/raw":
                sim.referrals().injectRaw(r.body());
                return Reply.noContent();
            default:
                return referralLever(r, path);
        }
    }

    /** POST /referrals/{id}/status?status=..&substatus=.. and POST /referrals/{id}/touch. */
    private Reply referralLever(Request r, String path) {
        String[] parts = path.split("/");
        if (r.isPost() && parts.length == 4 && parts[1].equals("referrals")) {
            String id = parts[2];
            switch (parts[3]) {
                case "status" ->
                    sim.referrals()
                            .changeStatus(
                                    id,
                                    r.param("status")
                                            .orElseThrow(() -> new IllegalArgumentException("status is required")),
                                    r.param("substatus")
                                            .orElseThrow(() -> new IllegalArgumentException("substatus is required")));
                case "touch" -> sim.referrals().touch(id);
                default -> {
                    return ApiErrors.notFound("Unknown simulator lever.");
                }
            }
            return Reply.noContent();
        }
        return ApiErrors.notFound("Unknown simulator lever.");
    }

    /**
     * kind=429|500|503|403|delay|malformed|loop|foreign|reset, plus times, page, retryAfter, httpDate, delayMs, target.
     */
    static Fault faultFrom(Request r) {
        String kind = r.param("kind").orElseThrow(() -> new IllegalArgumentException("kind is required"));
        int retryAfter = Integer.parseInt(r.param("retryAfter").orElse("-1"));
        Fault f = switch (kind.toLowerCase(Locale.ROOT)) {
            case "429" -> Fault.tooManyRequests(Math.max(0, retryAfter));
            case "500" -> Fault.internalServerError();
            case "503" -> retryAfter >= 0 ? Fault.serviceUnavailable(retryAfter) : Fault.serviceUnavailable();
            case "403" -> Fault.forbidden();
            case "delay" ->
                Fault.delay(Duration.ofMillis(Long.parseLong(r.param("delayMs").orElse("5000"))));
            case "malformed" -> Fault.malformedPage();
            case "reset" -> Fault.connectionReset();
            case "loop" -> Fault.nextLinkLoop();
            case "foreign" -> Fault.foreignNextLink();
            default -> throw new IllegalArgumentException("unknown fault kind: " + kind);
        };
        if (r.param("target").isPresent()) {
            f = f.on(FaultTarget.valueOf(r.param("target").get().toUpperCase(Locale.ROOT)));
        }
        if (r.param("times").isPresent()) {
            f = f.times(Integer.parseInt(r.param("times").get()));
        }
        if (r.param("page").isPresent()) {
            f = f.onPage(Integer.parseInt(r.param("page").get()));
        }
        if (Boolean.parseBoolean(r.param("httpDate").orElse("false"))) {
            f = f.withHttpDateRetryAfter();
        }
        return f;
    }

    private static Reply ok(ObjectNode body) {
        return Reply.json(200, body);
    }

    private static ObjectNode list(String field, List<String> values) {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray(field);
        values.forEach(a::add);
        return o;
    }
}
