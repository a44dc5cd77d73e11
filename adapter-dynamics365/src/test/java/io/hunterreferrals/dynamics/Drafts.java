package io.hunterreferrals.dynamics;

import io.hunterreferrals.core.classification.ReferralCategory;
import io.hunterreferrals.core.push.LeadDraft;
import io.hunterreferrals.core.push.LeadMapping;
import io.hunterreferrals.core.referral.ReferralId;
import io.hunterreferrals.simulator.Canary;
import java.math.BigDecimal;

/** Lead drafts for the tests; the contact and notes are the simulator's canaries, so a log scan can find them. */
final class Drafts {

    static final String FIRST_NAME = "Zeynep";
    static final String LAST_NAME = "Kanarya-Yılmaz";
    static final String NOTES = "Needs 40 Copilot seats; call after the board meeting";

    private Drafts() {}

    static LeadDraft full(String id) {
        return new LeadDraft(
                ReferralId.of(id),
                "Contoso wants Copilot",
                "Contoso Ltd",
                "https://contoso.com",
                "TR",
                new BigDecimal("1000.50"),
                "EUR",
                NOTES,
                FIRST_NAME,
                LAST_NAME,
                Canary.CUSTOMER_EMAIL,
                Canary.CUSTOMER_PHONE,
                ReferralCategory.CO_SELL,
                "Active",
                "Accepted",
                LeadMapping.partnerCenterUrl(ReferralId.of(id)));
    }

    /** The same referral after it lost its company, budget, contact and notes, and moved on in Partner Center. */
    static LeadDraft thinner(String id) {
        return new LeadDraft(
                ReferralId.of(id),
                "Contoso wants Copilot (v2)",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ReferralCategory.UNKNOWN,
                "Closed",
                null,
                LeadMapping.partnerCenterUrl(ReferralId.of(id)));
    }

    static LeadDraft withSubject(String id, String subject) {
        LeadDraft f = full(id);
        return new LeadDraft(
                f.referralId(),
                subject,
                f.companyName(),
                f.website(),
                f.country(),
                f.budget(),
                f.currency(),
                f.description(),
                f.contactFirstName(),
                f.contactLastName(),
                f.contactEmail(),
                f.contactPhone(),
                f.referralType(),
                f.status(),
                f.substatus(),
                f.partnerCenterUrl());
    }

    static LeadDraft withCurrency(String id, String currency) {
        LeadDraft f = full(id);
        return new LeadDraft(
                f.referralId(),
                f.subject(),
                f.companyName(),
                f.website(),
                f.country(),
                f.budget(),
                currency,
                f.description(),
                f.contactFirstName(),
                f.contactLastName(),
                f.contactEmail(),
                f.contactPhone(),
                f.referralType(),
                f.status(),
                f.substatus(),
                f.partnerCenterUrl());
    }
}
