package io.hunterreferrals.dynamics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the values of the referral-id column that more than one lead holds: what makes the key's index fail
 * (dataverse.md §3). The Web API has no grouping the simulator speaks, so the leads' ids and key values are read page
 * by page ({@code $select} of two columns, {@code @odata.nextLink} followed only within the service root) and grouped
 * here, case-insensitively as the database's collation compares. It stops after {@link #MAX_ROWS} leads.
 */
final class DuplicateKeys {

    static final int MAX_ROWS = 200_000;
    static final int MAX_REPORTED = 20;
    private static final int MAX_LEADS_PER_VALUE = 5;

    private final WebApi api;
    private final LeadColumns columns;

    DuplicateKeys(WebApi api, LeadColumns columns) {
        this.api = api;
        this.columns = columns;
    }

    List<SetupOutcome.DuplicateKeyValue> find() {
        String root = api.serviceRoot().toString();
        String path = LeadColumns.ENTITY_SET + "?$select=" + LeadColumns.LEAD_ID + "," + columns.keyColumn();
        Map<String, List<String>> leadsByValue = new LinkedHashMap<>();
        Map<String, String> firstSpelling = new LinkedHashMap<>();
        int rows = 0;
        while (path != null && rows < MAX_ROWS) {
            // odata.maxpagesize is OData's page-size preference; not in dataverse.md (UNCONFIRMED), harmless if
            // ignored.
            WebApiResponse r = api.call(new WebApiRequest(
                    "GET", path, Map.of("Prefer", "odata.maxpagesize=5000"), null, Operation.SETUP, "duplicate scan"));
            if (!r.isSuccess()) {
                throw api.failures().unexpected(r, "duplicate scan");
            }
            JsonNode body =
                    Json.parse(r.body()).orElseThrow(() -> api.failures().malformed(r, "a lead list without a body"));
            for (JsonNode lead : body.path("value")) {
                rows++;
                String value = Json.text(lead.path(columns.keyColumn()));
                if (value != null) {
                    String folded = value.toLowerCase(Locale.ROOT);
                    firstSpelling.putIfAbsent(folded, value);
                    leadsByValue
                            .computeIfAbsent(folded, k -> new ArrayList<>())
                            .add(Json.text(lead.path(LeadColumns.LEAD_ID)));
                }
            }
            String next = Json.text(body.path("@odata.nextLink"));
            // The token goes wherever the next link points: only ever to the same service root.
            path = next != null && next.startsWith(root) ? next.substring(root.length()) : null;
        }
        List<SetupOutcome.DuplicateKeyValue> duplicates = new ArrayList<>();
        leadsByValue.forEach((folded, leads) -> {
            if (leads.size() > 1 && duplicates.size() < MAX_REPORTED) {
                duplicates.add(new SetupOutcome.DuplicateKeyValue(
                        firstSpelling.get(folded), leads.subList(0, Math.min(leads.size(), MAX_LEADS_PER_VALUE))));
            }
        });
        return duplicates;
    }
}
