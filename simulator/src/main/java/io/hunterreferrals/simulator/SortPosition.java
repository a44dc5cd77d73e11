package io.hunterreferrals.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;

/**
 * Where an item sits in a list ordering: its sort timestamp (missing or malformed sorts as the earliest possible) and
 * its insertion sequence, which breaks ties so the order is total and paging never repeats or drops an item.
 */
record SortPosition(long seconds, int nanos, long seq) {

    private static final SortPosition UNSET = new SortPosition(Long.MIN_VALUE, 0, 0);

    static SortPosition of(JsonNode referral, String orderBy, long seq) {
        if (orderBy == null) {
            return new SortPosition(UNSET.seconds, 0, seq);
        }
        JsonNode field = referral.path(orderBy);
        Instant at = Timestamps.parse(field.isTextual() ? field.asText() : null).orElse(null);
        return at == null
                ? new SortPosition(UNSET.seconds, 0, seq)
                : new SortPosition(at.getEpochSecond(), at.getNano(), seq);
    }

    static Comparator<SortPosition> order(boolean descending) {
        Comparator<SortPosition> byTime =
                Comparator.comparingLong(SortPosition::seconds).thenComparingInt(SortPosition::nanos);
        return (descending ? byTime.reversed() : byTime).thenComparingLong(SortPosition::seq);
    }
}
