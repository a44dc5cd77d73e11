package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The journal as both admin endpoints show it: {@code {"requests": [...]}}, never an Authorization value. */
final class JournalJson {

    private JournalJson() {}

    /** @param withBodies whether each request's (already redacted) body is included */
    static ObjectNode of(RequestJournal journal, boolean withBodies) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        journal.all().forEach(req -> {
            ObjectNode entry = a.addObject()
                    .put("receivedAt", req.receivedAt().toString())
                    .put("method", req.method())
                    .put("path", req.path())
                    .put("query", req.rawQuery())
                    .put("hasAuthorization", req.hasAuthorization());
            if (withBodies) {
                entry.put("body", req.body());
            }
        });
        return Json.object().set("requests", a);
    }
}
