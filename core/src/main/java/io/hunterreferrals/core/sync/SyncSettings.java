package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.filter.ReferralFilter;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sync behaves.
 *
 * @param filter which new referrals to take in
 * @param watermarkOverlap how far before the watermark an incremental run starts; Partner Center's timestamps have more
 *     precision than PostgreSQL keeps, and clocks drift
 */
public record SyncSettings(ReferralFilter filter, Duration watermarkOverlap) {

    public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(5);
    public static final SyncSettings DEFAULT = new SyncSettings(ReferralFilter.DEFAULT, DEFAULT_OVERLAP);

    public SyncSettings {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(watermarkOverlap, "watermarkOverlap");
        if (watermarkOverlap.isNegative()) {
            throw new IllegalArgumentException("The watermark overlap must not be negative");
        }
    }
}
