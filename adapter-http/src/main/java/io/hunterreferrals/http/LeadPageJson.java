package io.hunterreferrals.http;

import io.hunterreferrals.core.query.LeadSummary;
import io.hunterreferrals.core.query.Page;
import java.util.List;

/** A page of leads: {@code {"leads": [...], "total", "page", "page_size"}}. */
record LeadPageJson(List<LeadJson> leads, long total, int page, int pageSize) {

    static LeadPageJson of(Page<LeadSummary> page) {
        return new LeadPageJson(page.items().stream().map(LeadJson::of).toList(), page.total(),
                page.request().page(), page.request().pageSize());
    }
}
