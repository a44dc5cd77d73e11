package io.hunterreferrals.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slice of OData query options the simulator understands: {@code $select}, and a {@code $filter} made of
 * {@code property eq literal} terms joined by {@code and} (or by {@code or} over one property, as metadata lookups by
 * LogicalName do). Anything else is refused rather than half-applied.
 *
 * @param select requested properties in order; empty means all
 * @param filter property → accepted values; a row matches when, for every property, its value is one of them
 */
record DataverseQuery(List<String> select, Map<String, List<Object>> filter) {

    private static final Pattern TERM = Pattern.compile(
            "^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+eq\\s+('(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?|true|false|null)\\s*$");

    static DataverseQuery parse(Request r) {
        List<String> select = r.param("$select")
                .map(s -> Arrays.stream(s.split(","))
                        .map(String::trim)
                        .filter(x -> !x.isEmpty())
                        .toList())
                .orElse(List.of());
        Map<String, List<Object>> filter = new LinkedHashMap<>();
        String raw = r.param("$filter").orElse("").trim();
        if (!raw.isEmpty()) {
            boolean ors = raw.contains(" or ");
            if (ors && raw.contains(" and ")) {
                throw new IllegalArgumentException("the simulator's $filter mixes no 'and' with 'or': " + raw);
            }
            for (String term : raw.split(ors ? "\\s+or\\s+" : "\\s+and\\s+")) {
                Matcher m = TERM.matcher(term);
                if (!m.matches()) {
                    throw new IllegalArgumentException(
                            "the simulator's $filter only supports 'property eq literal': " + term);
                }
                filter.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(literal(m.group(2)));
            }
            if (ors && filter.size() > 1) {
                throw new IllegalArgumentException("the simulator's $filter only ors terms over one property: " + raw);
            }
        }
        return new DataverseQuery(select, filter);
    }

    boolean matches(Map<String, Object> row) {
        return filter.entrySet().stream()
                .allMatch(e ->
                        e.getValue().stream().anyMatch(v -> Objects.equals(normal(row.get(e.getKey())), normal(v))));
    }

    /** Numbers compare by value whatever their Java type; strings compare case-insensitively, as SQL Server does. */
    private static Object normal(Object v) {
        if (v instanceof Number n) {
            return new java.math.BigDecimal(n.toString()).stripTrailingZeros();
        }
        return v instanceof String s ? s.toLowerCase(java.util.Locale.ROOT) : v;
    }

    private static Object literal(String s) {
        if (s.startsWith("'")) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        return switch (s) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> new java.math.BigDecimal(s);
        };
    }
}
