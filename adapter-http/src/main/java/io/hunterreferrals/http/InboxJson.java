package io.hunterreferrals.http;

import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.ReferralSummary;
import java.util.List;

/**
 * A page of the referral inbox: {@code {"referrals": [...], "total", "total_exact", "page", "page_size"}};
 * {@code total} is exact when {@code total_exact}, else a lower bound (counting stopped at a cap).
 */
record InboxJson(List<ReferralJson> referrals, long total, boolean totalExact, int page, int pageSize) {

    static InboxJson of(Page<ReferralSummary> page) {
        return new InboxJson(
                page.items().stream().map(ReferralJson::of).toList(),
                page.total(),
                page.totalExact(),
                page.request().page(),
                page.request().pageSize());
    }
}
