package io.hunterreferrals.http;

import io.hunterreferrals.core.query.ReferralCount;
import java.util.List;

/**
 * {@code {"total": 250, "counts": [{"referral_type": "co-sell", "status": "New", "count": 12}, ...]}}: the stored
 * referrals by type ({@code unclassified} when no rule decided one) and status.
 */
record ReferralStatsJson(long total, List<CountJson> counts) {

    static ReferralStatsJson of(List<ReferralCount> counts) {
        return new ReferralStatsJson(
                counts.stream().mapToLong(ReferralCount::count).sum(),
                counts.stream()
                        .map(c -> new CountJson(c.referralType().label(), c.status(), c.count()))
                        .toList());
    }

    record CountJson(String referralType, String status, long count) {}
}
