package io.hunterreferrals.http;

import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.ReferralSummary;
import java.util.List;

/** A page of the referral inbox: {@code {"referrals": [...], "total", "page", "page_size"}}. */
record InboxJson(List<ReferralJson> referrals, long total, int page, int pageSize) {

    static InboxJson of(Page<ReferralSummary> page) {
        return new InboxJson(page.items().stream().map(ReferralJson::of).toList(), page.total(),
                page.request().page(), page.request().pageSize());
    }
}
