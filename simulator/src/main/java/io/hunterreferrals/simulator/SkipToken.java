package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code $skiptoken}: the query plus a keyset position (sort key and insertion sequence of the last item
 * sent) and the page number. Keyset rather than offset, so a referral updated mid-sync moves behind the cursor instead
 * of shifting everyone else by one; the same token always yields the same page while the data is unchanged.
 *
 * @param after null for "from the start" (a page-1 link, used by the nextLink-loop fault)
 */
record SkipToken(ListQuery query, SortPosition after, int page) {

    String encode() {
        ObjectNode q = Json.object();
        q.put("f", query.filter());
        q.put("o", query.orderBy());
        q.put("d", query.descending());
        q.put("t", query.top());
        q.put("s", query.skip());
        ObjectNode root = Json.object().put("v", 1);
        root.set("q", q);
        if (after != null) {
            root.putObject("a")
                    .put("sec", after.seconds())
                    .put("nano", after.nanos())
                    .put("seq", after.seq());
        }
        root.put("p", page);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Json.write(root).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if the token was not made by {@link #encode()} */
    static SkipToken decode(String token) {
        try {
            JsonNode root = Json.parse(new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8));
            if (root.path("v").asInt() != 1) {
                throw new IllegalArgumentException("unknown version");
            }
            JsonNode q = root.path("q");
            ListQuery query = new ListQuery(
                    text(q.path("f")),
                    text(q.path("o")),
                    q.path("d").asBoolean(),
                    q.path("t").asInt(ListQuery.MAX_TOP),
                    q.path("s").asInt(0));
            query.filterExpression();
            JsonNode a = root.path("a");
            SortPosition after = a.isObject()
                    ? new SortPosition(
                            a.path("sec").asLong(),
                            a.path("nano").asInt(),
                            a.path("seq").asLong())
                    : null;
            return new SkipToken(query, after, Math.max(1, root.path("p").asInt(1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The $skiptoken is invalid.", e);
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
