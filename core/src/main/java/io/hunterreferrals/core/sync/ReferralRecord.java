package io.hunterreferrals.core.sync;

import io.hunterreferrals.core.classification.Classification;
import io.hunterreferrals.core.company.CompanyId;
import io.hunterreferrals.core.company.LinkStatus;
import io.hunterreferrals.core.domainname.DomainExtraction;
import io.hunterreferrals.core.referral.Referral;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a sync writes for one referral.
 *
 * @param referral the referral as fetched
 * @param classification its category and the rule that decided it
 * @param domain its company domain, or why there is none
 * @param autoLink the company its domain belongs to; empty when it has no domain
 * @param hash the fingerprint of all of the above
 */
public record ReferralRecord(
        Referral referral,
        Classification classification,
        DomainExtraction domain,
        Optional<CompanyId> autoLink,
        ContentHash hash) {

    public ReferralRecord {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(autoLink, "autoLink");
        Objects.requireNonNull(hash, "hash");
    }

    /** The link a sync proposes; a store keeps an operator's decision instead (see {@link ReferralStore}). */
    public LinkStatus proposedLinkStatus() {
        return autoLink.isPresent() ? LinkStatus.AUTO_LINKED : LinkStatus.UNLINKED;
    }
}
