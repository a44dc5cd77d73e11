package io.hunterreferrals.partnercenter;

import io.hunterreferrals.core.sync.SourceQuery;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The first page's OData query. The predecessor built these options and then never sent them; here they are part of the
 * URI itself, percent-encoded, so nothing between us and the server can drop them.
 *
 * <p>Only what {@link SourceQuery} asks for goes into {@code $filter}: directions and the change watermark. The status
 * rules are applied by core after reading, because filtering a status on the server would hide the moment a referral we
 * hold moves out of it.
 */
final class ODataQuery {

    static final String ORDER_BY = "updatedDateTime asc";

    private ODataQuery() {}

    /**
     * E.g. {@code (direction eq 'Incoming') and updatedDateTime ge 2025-05-01T00:00:00Z}; empty when nothing to filter.
     */
    static Optional<String> filter(SourceQuery query) {
        List<String> clauses = new ArrayList<>();
        if (!query.directions().isEmpty()) {
            clauses.add(query.directions().stream()
                    .map(d -> "direction eq " + literal(d))
                    .collect(Collectors.joining(" or ", "(", ")")));
        }
        query.updatedSince().ifPresent(since -> clauses.add("updatedDateTime ge " + timestamp(since)));
        return clauses.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", clauses));
    }

    /** The options in the order they are sent. */
    static Map<String, String> options(SourceQuery query, int top) {
        Map<String, String> options = new LinkedHashMap<>();
        filter(query).ifPresent(f -> options.put("$filter", f));
        options.put("$orderby", ORDER_BY);
        options.put("$top", Integer.toString(top));
        return options;
    }

    static URI firstPage(URI referralsUri, SourceQuery query, int top) {
        String queryString = options(query, top).entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(referralsUri + "?" + queryString);
    }

    /**
     * Whole seconds, rounded down: a floor never skips a change (the comparison is ge, and core already subtracted an
     * overlap), and it is the literal form the docs show.
     */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An OData string literal: single quotes, with embedded quotes doubled. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Percent-encoding for a query value. URLEncoder does form encoding, whose '+' for a space some servers read as a
     * literal plus; %20 means a space everywhere.
     */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
