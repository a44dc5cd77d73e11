package io.hunterreferrals.core.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync asks its {@link ReferralSource} for: only the parts of the rules that can never hide a change to a
 * referral we already hold. The source must apply both on the server side (OData {@code $filter}) and return referrals
 * ordered by {@code updatedDateTime} ascending.
 *
 * @param directions accepted directions; empty means any (a direction never changes, so filtering by it is safe)
 * @param updatedSince only referrals updated at or after this instant; empty for a full read
 */
public record SourceQuery(List<String> directions, Optional<Instant> updatedSince) {

    public SourceQuery {
        directions = List.copyOf(directions);
        Objects.requireNonNull(updatedSince, "updatedSince");
    }

    static SourceQuery of(SyncSettings settings, SyncMode mode, Optional<Instant> watermark) {
        Optional<Instant> since =
                mode == SyncMode.FULL ? Optional.empty() : watermark.map(w -> w.minus(settings.watermarkOverlap()));
        return new SourceQuery(settings.filter().directions(), since);
    }
}
