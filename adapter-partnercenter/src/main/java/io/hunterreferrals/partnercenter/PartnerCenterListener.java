package io.hunterreferrals.partnercenter;

/**
 * Observes the Referrals client, e.g. to log {@code partner_center_rate_limit} with {@code retry_after} and to count
 * retries and pages in metrics. Called on the syncing thread; implementations must be quick and must not throw.
 */
public interface PartnerCenterListener {

    PartnerCenterListener NONE = new PartnerCenterListener() {};

    /** A call failed in a retryable way and will be repeated after {@link RetryEvent#delay()}. */
    default void onRetry(RetryEvent event) {}

    /** A page was fetched and mapped (a named read's referrals are one page). */
    default void onPage(PageEvent event) {}

    /** A named read met a referral Partner Center does not have; it is left out of the page. */
    default void onReferralNotFound(ReferralNotFoundEvent event) {}
}
