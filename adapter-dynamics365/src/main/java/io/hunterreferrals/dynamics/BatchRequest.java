package io.hunterreferrals.dynamics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code $batch} of lead upserts in OData 4.0 multipart framing (dataverse.md §5): one {@code application/http} part
 * per lead, no change set (each lead stands alone, and a change set would roll all back for one bad lead), CRLF line
 * ends, {@code Prefer: odata.continue-on-error} so one refused lead does not stop the others. Each part asks for
 * {@code return=representation} with {@code $select=leadid}: 201 then means created, 200 updated, and the body names
 * the lead (§2). The JSON batch format of OData 4.01 is not used: its support is UNCONFIRMED (§5).
 */
final class BatchRequest {

    /**
     * One upsert.
     *
     * @param contentId the part's Content-ID, echoed in its response part; 1-based position in the batch
     * @param leadPath {@code leads(<key>='<id>')}, already encoded ({@link ODataLiterals#leadByKey})
     */
    record Item(String contentId, String leadPath, ObjectNode body) {}

    private static final String CRLF = "\r\n";

    private BatchRequest() {}

    /** @param apiPath the service root's path, {@code /api/data/v9.2/} */
    static WebApiRequest of(List<Item> items, String apiPath) {
        // Unique per request; values cannot contain it at a line start anyway (Json escapes CR and LF).
        String boundary = "batch_" + UUID.randomUUID();
        StringBuilder out = new StringBuilder();
        for (Item item : items) {
            out.append("--")
                    .append(boundary)
                    .append(CRLF)
                    .append("Content-Type: application/http")
                    .append(CRLF)
                    .append("Content-Transfer-Encoding: binary")
                    .append(CRLF)
                    .append("Content-ID: ")
                    .append(item.contentId())
                    .append(CRLF)
                    .append(CRLF)
                    .append("PATCH ")
                    .append(apiPath)
                    .append(item.leadPath())
                    .append("?$select=")
                    .append(LeadColumns.LEAD_ID)
                    .append(" HTTP/1.1")
                    .append(CRLF)
                    .append("Content-Type: application/json; type=entry")
                    .append(CRLF)
                    .append("Prefer: return=representation")
                    .append(CRLF)
                    .append(CRLF)
                    .append(Json.write(item.body()))
                    .append(CRLF);
        }
        out.append("--").append(boundary).append("--").append(CRLF);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
        headers.put("Prefer", "odata.continue-on-error");
        return new WebApiRequest("POST", "$batch", headers, out.toString(), Operation.PUSH, "lead batch");
    }
}
