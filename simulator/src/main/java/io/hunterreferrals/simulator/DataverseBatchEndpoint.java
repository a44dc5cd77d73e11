package io.hunterreferrals.simulator;

import io.hunterreferrals.simulator.DataverseMultipart.HttpRequestPart;
import io.hunterreferrals.simulator.DataverseMultipart.Part;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code POST $batch} (execute-batch-operations-using-web-api.md): up to 1000 requests run in order, change sets
 * atomically; one response part per request, in order, Content-ID echoed. Without {@code Prefer:
 * odata.continue-on-error} the batch stops at the first failure and answers with that failure alone.
 */
final class DataverseBatchEndpoint {

    static final int MAX_REQUESTS = 1000;
    private static final String ROOT = DataverseWebApi.ROOT;

    /** One request of the batch; {@code changeSet} groups the members of one change set. */
    private record Op(HttpRequestPart http, String contentId, int changeSet) {}

    private final DataverseLeads leads;
    private final Function<Request, Reply> items;

    /** @param items runs one operation as the Web API does, item faults included */
    DataverseBatchEndpoint(DataverseLeads leads, Function<Request, Reply> items) {
        this.leads = leads;
        this.items = items;
    }

    Reply handle(Request r) {
        String boundary = DataverseMultipart.boundary(r.header("Content-Type").orElse(""));
        List<List<Op>> groups = groups(DataverseMultipart.parse(r.body(), boundary));
        int count = groups.stream().mapToInt(List::size).sum();
        if (count > MAX_REQUESTS) {
            // The limit is documented; the error's code and wording are UNCONFIRMED.
            return DataverseErrors.badRequest(
                    "", "The batch contains " + count + " requests; the maximum is " + MAX_REQUESTS + ".");
        }
        boolean continueOnError = r.header("Prefer")
                .filter(p -> p.contains("odata.continue-on-error"))
                .isPresent();
        String responseBoundary = "batchresponse_" + UUID.randomUUID();
        StringBuilder out = new StringBuilder();
        for (List<Op> group : groups) {
            boolean changeSet = group.getFirst().changeSet() > 0;
            List<Reply> replies = changeSet
                    ? leads.atomically(() -> run(group, r), rs -> failed(rs.getLast()))
                    : List.of(runOne(group.getFirst(), r, Map.of()));
            Reply last = replies.getLast();
            if (failed(last) && !continueOnError) {
                // "The batch error represents the error of the first failing request": its status, its part alone.
                StringBuilder only = new StringBuilder();
                String failedId = group.get(replies.size() - 1).contentId();
                DataverseMultipart.writeResponse(only, responseBoundary, last, failedId);
                return multipart(
                        last.status(), only, responseBoundary, last.headers().get("Retry-After"));
            }
            if (changeSet && failed(last)) {
                // A failed change set is rolled back and answered by its failing request (OData 4.0 §11.7.4).
                String failedId = group.get(replies.size() - 1).contentId();
                DataverseMultipart.writeResponse(out, responseBoundary, last, failedId);
            } else if (changeSet) {
                String inner = "changesetresponse_" + UUID.randomUUID();
                out.append("--")
                        .append(responseBoundary)
                        .append("\r\n")
                        .append("Content-Type: multipart/mixed; boundary=")
                        .append(inner)
                        .append("\r\n\r\n");
                for (int i = 0; i < replies.size(); i++) {
                    DataverseMultipart.writeResponse(
                            out, inner, replies.get(i), group.get(i).contentId());
                }
                out.append("--").append(inner).append("--\r\n");
            } else {
                DataverseMultipart.writeResponse(
                        out, responseBoundary, last, group.getFirst().contentId());
            }
        }
        return multipart(200, out, responseBoundary, null);
    }

    /** A change set's members in order, until the first failure; $n in a URL is the entity made by Content-ID n. */
    private List<Reply> run(List<Op> group, Request outer) {
        List<Reply> replies = new ArrayList<>();
        Map<String, String> created = new HashMap<>();
        for (Op op : group) {
            Reply reply = runOne(op, outer, created);
            replies.add(reply);
            if (failed(reply)) {
                break;
            }
            String entity = reply.headers().get("OData-EntityId");
            if (op.contentId() != null && entity != null) {
                created.put("$" + op.contentId(), entity);
            }
        }
        return replies;
    }

    /** A request the simulator cannot even route (a bad $n) fails on its own, like any other item. */
    private Reply runOne(Op op, Request outer, Map<String, String> created) {
        try {
            return items.apply(request(op, outer, created));
        } catch (DataverseRejection e) {
            return e.reply();
        }
    }

    private static List<List<Op>> groups(List<Part> parts) {
        List<List<Op>> groups = new ArrayList<>();
        int changeSets = 0;
        for (Part p : parts) {
            String type = p.header("Content-Type").toLowerCase(Locale.ROOT);
            if (type.startsWith("application/http")) {
                groups.add(List.of(op(p, 0)));
            } else if (type.startsWith("multipart/mixed")) {
                changeSets++;
                List<Op> members = new ArrayList<>();
                String inner = DataverseMultipart.boundary(p.header("Content-Type"));
                for (Part member : DataverseMultipart.parse(p.body(), inner)) {
                    if (!member.header("Content-Type").toLowerCase(Locale.ROOT).startsWith("application/http")) {
                        throw new IllegalArgumentException(
                                "a change set holds application/http parts only; no nesting");
                    }
                    Op op = op(member, changeSets);
                    if (op.http().method().equals("GET")) {
                        throw new IllegalArgumentException("GET requests are not allowed within change sets");
                    }
                    members.add(op);
                }
                if (!members.isEmpty()) {
                    groups.add(members);
                }
            } else {
                throw new IllegalArgumentException(
                        "a batch part must be application/http or multipart/mixed, was '" + type + "'");
            }
        }
        return groups;
    }

    private static Op op(Part p, int changeSet) {
        String id = p.header("Content-ID");
        return new Op(DataverseMultipart.request(p.body()), id.isEmpty() ? null : id, changeSet);
    }

    private static Request request(Op op, Request outer, Map<String, String> created) {
        String url = op.http().url();
        if (url.startsWith("$")) {
            String ref = url.split("[/?]", 2)[0];
            if (!created.containsKey(ref)) {
                throw new DataverseRejection(DataverseErrors.badRequest(
                        "", "Content-ID Reference: '" + ref + "' does not exist in the batch context."));
            }
            url = created.get(ref) + url.substring(ref.length());
        }
        url = url.replaceFirst("^https?://[^/]+", "");
        if (!url.startsWith("/")) {
            url = ROOT + url;
        }
        int q = url.indexOf('?');
        String path = DataverseWebApi.decodePath(q < 0 ? url : url.substring(0, q));
        String rawQuery = q < 0 ? null : url.substring(q + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        op.http().headers().forEach((k, v) -> headers.put(k, List.of(v)));
        return new Request(
                op.http().method(),
                path,
                rawQuery,
                QueryStrings.parse(rawQuery),
                headers,
                op.http().body(),
                outer.receivedAt());
    }

    private static boolean failed(Reply reply) {
        return reply.status() >= 400;
    }

    private static Reply multipart(int status, StringBuilder parts, String boundary, String retryAfter) {
        parts.append("--").append(boundary).append("--\r\n");
        Reply reply = new Reply(
                status,
                Map.of("Content-Type", "multipart/mixed; boundary=" + boundary),
                parts.toString().getBytes(StandardCharsets.UTF_8));
        return retryAfter == null ? reply : reply.withHeader("Retry-After", retryAfter);
    }
}
