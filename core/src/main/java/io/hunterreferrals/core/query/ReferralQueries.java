package io.hunterreferrals.core.query;

import io.hunterreferrals.core.referral.ReferralId;
import java.util.List;
import java.util.Optional;

/** Read side of stored referrals, for the inbox, the detail view and the command line. */
public interface ReferralQueries {

    Page<ReferralSummary> inbox(InboxQuery query);

    /** One referral; its raw payload only when {@code includeRaw}. */
    Optional<ReferralDetail> find(ReferralId id, boolean includeRaw);

    /** The stored referrals counted by type and status, for the dashboard's chart; one entry per non-empty pair. */
    List<ReferralCount> countsByTypeAndStatus();
}
