package io.hunterreferrals.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OData options of a list call, validated.
 *
 * @param orderBy null for the store's natural (insertion) order
 */
record ListQuery(String filter, String orderBy, boolean descending, int top, int skip) {

    static final int MAX_TOP = 100;
    private static final Set<String> IGNORED = Set.of("$select", "$count", "$expand");
    private static final Set<String> KNOWN = Set.of("$filter", "$orderby", "$top", "$skip", "$skiptoken");

    /** @throws IllegalArgumentException with a client-facing message */
    static ListQuery from(Map<String, List<String>> params) {
        for (String key : params.keySet()) {
            // $select/$count/$expand are declared by the connector swagger; the simulator accepts and ignores them.
            if (key.startsWith("$") && !KNOWN.contains(key) && !IGNORED.contains(key)) {
                throw new IllegalArgumentException("The query option '" + key + "' is not supported.");
            }
        }
        String filter = single(params, "$filter");
        FilterParser.parse(filter); // validate now, so a bad filter never gets into a skiptoken
        String orderBy = null;
        boolean descending = false;
        String order = single(params, "$orderby");
        if (order != null && !order.isBlank()) {
            String[] parts = order.trim().split("\\s+");
            if (parts.length > 2 || !FilterParser.TIME_FIELDS.contains(parts[0])) {
                throw new IllegalArgumentException(
                        "$orderby supports updatedDateTime or createdDateTime, asc or desc.");
            }
            String direction = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new IllegalArgumentException("$orderby direction must be asc or desc.");
            }
            orderBy = parts[0];
            descending = direction.equals("desc");
        }
        int top = intOption(params, "$top", MAX_TOP, 1);
        int skip = intOption(params, "$skip", 0, 0);
        // Larger pages are capped rather than refused, like the 2019 doc's page-size limit.
        return new ListQuery(filter, orderBy, descending, Math.min(top, MAX_TOP), skip);
    }

    FilterExpression filterExpression() {
        return FilterParser.parse(filter);
    }

    private static int intOption(Map<String, List<String>> params, String key, int dflt, int min) {
        String raw = single(params, key);
        if (raw == null) {
            return dflt;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min) {
                throw new IllegalArgumentException(key + " must be at least " + min + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer.");
        }
    }

    private static String single(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("The query option '" + key + "' was given more than once.");
        }
        return values.getFirst();
    }
}
