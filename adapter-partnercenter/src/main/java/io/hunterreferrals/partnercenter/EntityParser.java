package io.hunterreferrals.partnercenter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one referral as {@code GET .../referrals/{id}} returns it: the referral object with OData annotations such as
 * {@code "@odata.context": "...$entity"} among its members.
 *
 * <p>The annotations are left out of the payload, and every other member is kept as its exact text (see
 * {@link PageParser} for why): the same referral read by id and read in a list page is then the same payload, so a
 * webhook's read does not look like a change to the next list read, nor the other way round. Only the separators
 * between the top-level members are rewritten, which changes nothing for the compact JSON Partner Center sends.
 */
final class EntityParser {

    private EntityParser() {}

    /**
     * The referral's text without its top-level annotations, and its tree. A body that is JSON but not an object comes
     * back as it is, for the mapper to call unreadable.
     *
     * @throws PageParser.MalformedPage when the body is empty or not JSON at all
     */
    static PageParser.RawItem parse(String body) throws PageParser.MalformedPage {
        if (body == null || body.isBlank()) {
            throw new PageParser.MalformedPage("the response body is empty");
        }
        try (JsonParser p = PageParser.JSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                JsonNode node = PageParser.JSON.readTree(body);
                return new PageParser.RawItem(body.strip(), node == null ? PageParser.JSON.nullNode() : node);
            }
            List<String> members = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int from = (int) p.currentTokenLocation().getCharOffset();
                String name = p.currentName();
                p.nextToken();
                // Reads the value whole (a scalar's text included), so the location below is just past it.
                p.readValueAsTree();
                int to = (int) p.currentLocation().getCharOffset();
                if (!name.startsWith("@odata.")) {
                    members.add(body.substring(from, to));
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new PageParser.MalformedPage("the response has content after the referral");
            }
            String json = "{" + String.join(",", members) + "}";
            return new PageParser.RawItem(json, PageParser.JSON.readTree(json));
        } catch (IOException e) {
            // Only the location, never an excerpt: the body holds personal data.
            throw new PageParser.MalformedPage("the response is not valid JSON (at character "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                            ? jpe.getLocation().getCharOffset()
                            : -1)
                    + ")");
        }
    }
}
