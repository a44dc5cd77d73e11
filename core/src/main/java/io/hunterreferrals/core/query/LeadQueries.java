package io.hunterreferrals.core.query;

import java.util.function.Consumer;

/** Read side of leads (companies) with their referral aggregates. */
public interface LeadQueries {

    Page<LeadSummary> leads(LeadQuery query);

    /** Streams every lead matching the query's filters (its page is ignored), in domain order, for exports. */
    void forEachLead(LeadQuery query, Consumer<LeadSummary> consumer);
}
