package io.hunterreferrals.core.query;

import io.hunterreferrals.core.referral.ReferralId;
import java.util.Optional;

/** Read side of stored referrals, for the inbox, the detail view and the command line. */
public interface ReferralQueries {

    Page<ReferralSummary> inbox(InboxQuery query);

    /** One referral; its raw payload only when {@code includeRaw}. */
    Optional<ReferralDetail> find(ReferralId id, boolean includeRaw);
}
