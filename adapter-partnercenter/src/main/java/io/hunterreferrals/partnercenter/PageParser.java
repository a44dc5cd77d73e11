package io.hunterreferrals.partnercenter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the OData envelope {@code {"@odata.count", "value":[...], "@odata.nextLink"}} in one streaming pass.
 *
 * <p>Raw payload decision: each element of {@code value} is kept as the exact substring of the response text (located
 * by the parser's character offsets), not re-serialised from a tree. Re-serialising would normalise number forms
 * ({@code 30000.0}), unicode escapes and key spacing, so the "payload as received" would not be what Microsoft sent and
 * its hash would change with our Jackson version. Parsing a String gives exact character offsets, and the same pass
 * still builds the tree the mapper reads.
 */
final class PageParser {

    /**
     * Exact decimals for dealValue: a double would turn 0.1 into 0.1000000000000000055..., and the default node factory
     * would strip 30000.10 to 30000.1.
     */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /** One element of {@code value}: its original text and its tree. */
    record RawItem(String json, JsonNode node) {}

    record ParsedPage(List<RawItem> items, OptionalLong totalCount, Optional<String> nextLink) {}

    /** Why a page was not the documented envelope; the message is safe to show (no payload content). */
    static final class MalformedPage extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedPage(String message) {
            super(message);
        }
    }

    private PageParser() {}

    static ParsedPage parse(String body) throws MalformedPage {
        if (body == null || body.isBlank()) {
            throw new MalformedPage("the response body is empty");
        }
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedPage("the response is not a JSON object");
            }
            List<RawItem> items = null;
            OptionalLong count = OptionalLong.empty();
            Optional<String> nextLink = Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "value" -> items = readItems(p, body, value);
                    case "@odata.count" -> count = value.isNumeric() ? OptionalLong.of(p.getLongValue()) : count;
                    case "@odata.nextLink" ->
                        nextLink =
                                value == JsonToken.VALUE_STRING && !p.getText().isBlank()
                                        ? Optional.of(p.getText())
                                        : Optional.empty();
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new MalformedPage("the response has content after the envelope");
            }
            if (items == null) {
                throw new MalformedPage("the response has no 'value' array");
            }
            return new ParsedPage(items, count, nextLink);
        } catch (IOException e) {
            // Only the parser's location, never its excerpt of the body: the body holds personal data.
            throw new MalformedPage("the response is not valid JSON (at character "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                            ? jpe.getLocation().getCharOffset()
                            : -1)
                    + ")");
        }
    }

    private static List<RawItem> readItems(JsonParser p, String body, JsonToken start)
            throws IOException, MalformedPage {
        if (start != JsonToken.START_ARRAY) {
            throw new MalformedPage("'value' is not an array");
        }
        List<RawItem> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int from = (int) p.currentTokenLocation().getCharOffset();
            JsonNode node = p.readValueAsTree();
            int to = (int) p.currentLocation().getCharOffset();
            items.add(new RawItem(body.substring(from, to), node == null ? JSON.nullNode() : node));
        }
        return items;
    }
}
