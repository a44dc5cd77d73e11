package io.hunterreferrals.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An immutable snapshot of one stored lead, for tests to assert on what the push wrote.
 *
 * @param referralId the value of the alternate-key column, or null for a lead the sales team made by hand
 * @param columns every stored column under its Web API property name (lookups as {@code _x_value}), values as String,
 *     Boolean, Integer, BigDecimal or null; statecode and statuscode are always there
 * @param createdByApi false when the lead came from {@link DataverseLeads#insert}, as if the sales team typed it in
 * @param apiUpdates how many Web API upserts updated it after it existed
 * @param apiWrites the accepted body of every Web API write, oldest first, binds as sent
 *     ({@code transactioncurrencyid@odata.bind}), so a test can prove a column was never written
 */
public record DataverseLead(
        UUID leadId,
        String referralId,
        Map<String, Object> columns,
        boolean createdByApi,
        int apiUpdates,
        List<Map<String, Object>> apiWrites,
        Instant createdOn,
        Instant modifiedOn,
        long version) {

    public DataverseLead {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        apiWrites = apiWrites.stream()
                .map(w -> Collections.unmodifiableMap(new LinkedHashMap<>(w)))
                .toList();
    }

    public Object column(String name) {
        return columns.get(name);
    }

    public int stateCode() {
        return (Integer) columns.get("statecode");
    }

    public int statusCode() {
        return (Integer) columns.get("statuscode");
    }

    /** The weak ETag the Web API sends for this version: {@code W/"<versionnumber>"}. */
    public String etag() {
        return "W/\"" + version + "\"";
    }

    /** Every property name any Web API write carried. */
    public Set<String> columnsWrittenByApi() {
        Set<String> names = new LinkedHashSet<>();
        apiWrites.forEach(w -> names.addAll(w.keySet()));
        return Collections.unmodifiableSet(names);
    }
}
