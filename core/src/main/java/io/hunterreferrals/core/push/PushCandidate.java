package io.hunterreferrals.core.push;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.domainname.Domain;
import io.hunterreferrals.core.referral.CustomerContact;
import io.hunterreferrals.core.referral.DealValue;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.core.sync.ContentHash;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored referral as the push reads it: the values a lead is made of and what the last push did with it. Holds
 * personal data (notes, contact): {@link #toString()} omits it.
 *
 * @param referralId the referral
 * @param storedHash the stored referral's content hash as read: recorded with the outcome, so that a referral the sync
 *     changes while a push is under way is due again (no clock comparison can miss it)
 * @param name the referral's name, or {@code null}
 * @param companyName the customer's name, or {@code null}
 * @param domain the customer's domain, when the domain rules found one
 * @param country the customer's ISO country code, or {@code null}
 * @param dealValue the deal value, or {@code null}
 * @param notes the referral's notes, or {@code null}
 * @param contact the first customer contact, if Partner Center named one
 * @param category the referral's category
 * @param status Partner Center's status, or {@code null}
 * @param substatus Partner Center's substatus, or {@code null}
 * @param eTag the referral's eTag as the sync stored it, verbatim (for the write-back's {@code If-Match})
 * @param externalReferenceId the referral's {@code externalReferenceId} as the sync stored it (what a write-back of the
 *     lead id changes)
 * @param state what the last push did with it; empty if it was never pushed
 */
public record PushCandidate(
        ReferralId referralId,
        ContentHash storedHash,
        String name,
        String companyName,
        Optional<Domain> domain,
        String country,
        DealValue dealValue,
        String notes,
        Optional<CustomerContact> contact,
        ReferralCategory category,
        String status,
        String substatus,
        Optional<String> eTag,
        Optional<String> externalReferenceId,
        Optional<PushState> state) {

    public PushCandidate {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(storedHash, "storedHash");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(eTag, "eTag");
        Objects.requireNonNull(externalReferenceId, "externalReferenceId");
        Objects.requireNonNull(state, "state");
    }

    /** The same stored referral with another push state (a store reads the two from different places). */
    public PushCandidate withState(Optional<PushState> value) {
        return new PushCandidate(
                referralId,
                storedHash,
                name,
                companyName,
                domain,
                country,
                dealValue,
                notes,
                contact,
                category,
                status,
                substatus,
                eTag,
                externalReferenceId,
                value);
    }

    @Override
    public String toString() {
        return "PushCandidate[referralId=" + referralId.value() + ", category=" + category.label() + ", state="
                + state.map(s -> s.status().code()).orElse("never") + ", personal data omitted]";
    }
}
