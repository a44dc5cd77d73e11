package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.referral.ReferralId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync asks its {@link ReferralSource} for: only the parts of the rules that can never hide a change to a
 * referral we already hold. The source must apply both on the server side (OData {@code $filter}) and return referrals
 * ordered by {@code updatedDateTime} ascending. A query that names referrals is read one referral at a time instead
 * ({@code GET .../referrals/{id}}), into one page, in the order named; a named referral the source does not have is
 * left out of the page.
 *
 * @param directions accepted directions; empty means any (a direction never changes, so filtering by it is safe)
 * @param updatedSince only referrals updated at or after this instant; empty for a full read
 * @param referrals only these referrals; empty for a list read
 */
public record SourceQuery(List<String> directions, Optional<Instant> updatedSince, List<ReferralId> referrals) {

    public SourceQuery {
        directions = List.copyOf(directions);
        Objects.requireNonNull(updatedSince, "updatedSince");
        referrals = List.copyOf(referrals);
        if (!referrals.isEmpty() && updatedSince.isPresent()) {
            throw new IllegalArgumentException("A query names referrals or reads a time range, not both");
        }
    }

    public SourceQuery(List<String> directions, Optional<Instant> updatedSince) {
        this(directions, updatedSince, List.of());
    }

    /** Whether the query names its referrals. */
    public boolean named() {
        return !referrals.isEmpty();
    }

    static SourceQuery of(SyncSettings settings, SyncRequest request, Optional<Instant> watermark) {
        return switch (request.mode()) {
            case FULL -> new SourceQuery(settings.filter().directions(), Optional.empty());
            case INCREMENTAL ->
                new SourceQuery(
                        settings.filter().directions(), watermark.map(w -> w.minus(settings.watermarkOverlap())));
            // Read by id, which no $filter narrows: the sync's own filter decides on a referral not yet stored.
            case REFERRALS -> new SourceQuery(List.of(), Optional.empty(), request.referrals());
        };
    }
}
