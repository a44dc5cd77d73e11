package io.hunterreferrals.core.push;

import java.util.List;

/**
 * Driven port: the CRM that receives referrals as leads (Dynamics 365 through the Dataverse Web API, or an in-memory
 * fake). Each lead is upserted by its referral id, so pushing the same draft twice leaves one lead.
 */
public interface LeadDestination {

    /** The longest text each value may hold there. */
    LeadLimits limits();

    /** How many leads one {@link #upsert} call should carry (a batch request, for example). */
    int batchSize();

    /**
     * Creates or updates one lead per draft, keyed by its referral id; never changes a lead's own state (qualified,
     * disqualified), which belongs to the sales team.
     *
     * @return one result per draft, in the same order; a refused lead is a {@link LeadWrite.Rejected}
     * @throws LeadDestinationException when the destination cannot take leads at all
     */
    List<LeadWrite> upsert(List<LeadDraft> drafts);
}
