package io.hunterreferrals.http;

import io.hunterreferrals.core.query.Page;
import io.hunterreferrals.core.query.SyncRunView;
import java.util.List;

/** A page of sync runs, newest request first. */
record SyncRunPageJson(List<SyncRunJson> runs, long total, boolean totalExact, int page, int pageSize) {

    static SyncRunPageJson of(Page<SyncRunView> page) {
        return new SyncRunPageJson(
                page.items().stream().map(SyncRunJson::of).toList(),
                page.total(),
                page.totalExact(),
                page.request().page(),
                page.request().pageSize());
    }
}
