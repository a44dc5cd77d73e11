package io.hunterreferrals.core.query;

import io.hunterreferrals.core.classification.ReferralCategory;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter over the leads (companies).
 *
 * @param referralType only leads with at least one linked referral of this category; aggregates still cover all of a
 *     lead's referrals
 * @param search case- and accent-insensitive text over the company's name and domain; a term that is a domain, an
 *     e-mail address or a URL (one with a registrable domain) finds only the lead with exactly that domain
 */
public record LeadQuery(
        Optional<ReferralCategory> referralType, Optional<String> search, LeadSort sort, PageRequest page) {

    public static final LeadQuery ALL = new LeadQuery(Optional.empty(), Optional.empty(), PageRequest.FIRST);

    public LeadQuery {
        Objects.requireNonNull(referralType, "referralType");
        search = search.map(String::strip).filter(s -> !s.isEmpty());
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }

    /** In the default order ({@link LeadSort#DEFAULT}). */
    public LeadQuery(Optional<ReferralCategory> referralType, Optional<String> search, PageRequest page) {
        this(referralType, search, LeadSort.DEFAULT, page);
    }
}
