package io.hunterreferrals.core.query;

/** Read side of the sync quarantine: what {@code hunter sync failures}, the API and the sync runs screen show. */
public interface QuarantineQueries {

    /** The quarantined referrals, the most recently met first. */
    Page<QuarantinedReferral> quarantined(PageRequest page);
}
