package io.hunterreferrals.http;

import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.query.Page;
import java.util.List;

/**
 * A page of leads: {@code {"leads": [...], "total", "total_exact", "page", "page_size"}}; {@code total} is exact when
 * {@code total_exact}, else a lower bound (counting stopped at a cap).
 */
record LeadPageJson(List<LeadJson> leads, long total, boolean totalExact, int page, int pageSize) {

    static LeadPageJson of(Page<LeadSummary> page) {
        return new LeadPageJson(
                page.items().stream().map(LeadJson::of).toList(),
                page.total(),
                page.totalExact(),
                page.request().page(),
                page.request().pageSize());
    }
}
