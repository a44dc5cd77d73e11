package io.hunterreferrals.core.query;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.company.LinkStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter over the referral inbox. Empty optionals do not filter.
 *
 * @param linkStatus only referrals with this link status
 * @param referralType only this category; {@link ReferralCategory#UNKNOWN} selects unclassified referrals
 * @param status only this Partner Center status (case-insensitive), e.g. {@code Active}
 * @param search case- and accent-insensitive text over company name, referral name, domain, raw domain and referral id
 */
public record InboxQuery(
        Optional<LinkStatus> linkStatus,
        Optional<ReferralCategory> referralType,
        Optional<String> status,
        Optional<String> search,
        InboxSort sort,
        PageRequest page) {

    public static final InboxQuery ALL = new InboxQuery(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            InboxSort.DEFAULT,
            PageRequest.FIRST);

    public InboxQuery {
        Objects.requireNonNull(linkStatus, "linkStatus");
        Objects.requireNonNull(referralType, "referralType");
        status = status.map(String::strip).filter(s -> !s.isEmpty());
        search = search.map(String::strip).filter(s -> !s.isEmpty());
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }
}
